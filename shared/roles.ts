/** The staff and business roles of Zhijian (the public needs no account). A user may hold several. */
export const roles = ['admin', 'leader', 'section', 'inspector', 'operator', 'lab', 'market_manager'] as const;
export type Role = (typeof roles)[number];

/** Roles that see a whole district (or several, for city and province accounts). */
export const districtWideRoles: readonly Role[] = ['admin', 'leader', 'section'];

/** Roles of bureau staff: these log in with a second factor in production. */
export const staffRoles: readonly Role[] = ['admin', 'leader', 'section', 'inspector', 'lab'];
