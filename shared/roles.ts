/** The staff and business roles of Zhijian (the public needs no account). A user may hold several. */
export const roles = [
  'admin',
  'leader',
  'section',
  'inspector',
  'operator',
  'lab',
  'market_manager',
  'expert',
  'inspection_body',
  'maintenance_unit',
  'market_testing_room',
  'market_organiser',
] as const;
export type Role = (typeof roles)[number];

/*
 * Role groups: the routes, the web router, the navigation and each feature take these instead of spelling lists.
 */
/** Roles that see a whole district (or several, for city and province accounts). */
export const districtWideRoles: readonly Role[] = ['admin', 'leader', 'section'];
/** Who keeps the bureau's settings and records: the administrator and section staff. */
export const settingsRoles: readonly Role[] = ['admin', 'section'];
/** The bureau's leadership: who issues the big screen's tokens. */
export const leadershipRoles: readonly Role[] = ['admin', 'leader'];
/** Staff who work a file in the field (reveal a contact, take a sample, decide a registration): not the leader. */
export const caseWorkerRoles: readonly Role[] = ['admin', 'section', 'inspector'];
/** Case workers, and an operator for their own businesses (file a report, keep their own equipment's records). */
export const caseWorkerAndOperatorRoles: readonly Role[] = [...caseWorkerRoles, 'operator'];
/** Staff who inspect and take samples in the field and review what an inspection found: section staff and inspectors. */
export const fieldStaffRoles: readonly Role[] = ['section', 'inspector'];
/** Bureau staff who read and work the files: the district-wide roles and station inspectors. */
export const bureauStaffRoles: readonly Role[] = [...districtWideRoles, 'inspector'];
/** Bureau staff, and an operator for their own businesses. */
export const staffAndOperatorRoles: readonly Role[] = [...bureauStaffRoles, 'operator'];
/** Everyone who reads the entity registry: staff, and operators and market managers for their own businesses. */
export const registryReaderRoles: readonly Role[] = [...staffAndOperatorRoles, 'market_manager'];

/** Roles of bureau staff: these log in with a second factor in production. */
export const staffRoles: readonly Role[] = ['admin', 'leader', 'section', 'inspector', 'lab'];

/**
 * The epidemic team (药情 surveillance, issue 17): section staff, who alone see buyers' symptoms and temperatures
 * (health data, PIPL Art. 28) and reveal their ID numbers and phones, each reveal audited.
 */
export const epidemicTeamRoles: readonly Role[] = ['section'];

/*
 * The third parties of special equipment (issue 19, docs/decisions/0028). They act only in that module: no other route
 * admits them. A third-party expert (commissioned by the bureau) reads the district's register and records hazards; an
 * inspection body (检验机构) reads the register and enters periodic-inspection results; a maintenance unit (维保单位)
 * is bound to the special-equipment users it serves and records their elevators' maintenance.
 */
export const specialEquipmentThirdPartyRoles: readonly Role[] = ['expert', 'inspection_body', 'maintenance_unit'];
/** Everyone the special-equipment module lets in: bureau staff, users (operators) and the three third parties. */
export const specialEquipmentRoles: readonly Role[] = [...staffAndOperatorRoles, ...specialEquipmentThirdPartyRoles];

/*
 * Farmers' markets (issue 20, docs/decisions/0039). The market's three accounts are each bound to its market's registry
 * entity (their scope through platform/scope's entity rule): the manager (管理方) keeps the market's daily work; the
 * testing room (检测室) enters rapid tests and handles their lots, nothing else; the organiser (举办者) records the
 * monthly cleaning round (月整治) and reads the market.
 */
/** The market's own accounts, bound to its entity. */
export const marketAccountRoles: readonly Role[] = ['market_manager', 'market_testing_room', 'market_organiser'];
/** Who reads the markets module: bureau staff, and the market's own accounts for their own market. */
export const marketReaderRoles: readonly Role[] = [...bureauStaffRoles, ...marketAccountRoles];
/** Who records a market's daily work (stalls, rapid tests, prices, scales, cleaning): its manager, and staff who keep the files. */
export const marketKeeperRoles: readonly Role[] = ['market_manager', ...caseWorkerRoles];
/** Who enters rapid tests (by hand or from the device's CSV) and handles their lots: the keepers and the testing room. */
export const marketTestingRoles: readonly Role[] = [...marketKeeperRoles, 'market_testing_room'];
/** Who records cleaning rounds: the keepers, and the organiser (its monthly round only). */
export const marketCleaningRoles: readonly Role[] = [...marketKeeperRoles, 'market_organiser'];
/** Who fills the station's inspection check-list on a market visit: case workers (station inspectors, section staff). */
export const marketInspectorRoles: readonly Role[] = caseWorkerRoles;
/** Who opens and revokes a market's big-screen tokens: the leadership and section staff, and a manager for their own market. */
export const marketScreenRoles: readonly Role[] = [...leadershipRoles, 'section', 'market_manager'];
