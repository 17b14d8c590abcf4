/** The special-equipment module's value lists, one home for the server's schemas, tables and rules and the web's filters and forms (labels in the locale files). */

/** The kinds of the national catalogue (特种设备目录; server/modules/special-equipment/rules/equipment-kinds.ts says why gas cylinders stand apart). */
export const equipmentKinds = [
  'elevator',
  'boiler',
  'pressure_vessel',
  'gas_cylinder',
  'pressure_pipeline',
  'lifting_machinery',
  'in_plant_vehicle',
  'passenger_ropeway',
  'amusement_ride',
] as const;

export const equipmentStatuses = ['in_use', 'stopped', 'scrapped'] as const;

/** A periodic inspection's conclusion. */
export const inspectionResults = ['pass', 'pass_after_rectification', 'fail'] as const;

/** A hazard (隐患) from found to closed, or escalated to an enforcement case. */
export const hazardStatuses = ['found', 'ordered', 'reported', 'closed', 'escalated'] as const;

export const hazardSeverities = ['general', 'serious'] as const;
