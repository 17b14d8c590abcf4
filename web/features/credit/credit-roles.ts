/** Station and section staff act on the lists (a leader reads): the server's `officers` of credit.routes.ts. */
export const officerRoles = ['admin', 'section', 'inspector'] as const;
