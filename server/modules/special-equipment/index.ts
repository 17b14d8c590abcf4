/**
 * Special equipment 特种设备 (capability 10): the module's only door — the register, periodic inspections and the
 * three rates, the hazard loop (handed to enforcement through its index), certified operators and drills.
 */

/** Demo equipment, inspections, hazards, operators and drills for the demo district (deterministic for a seed). */
export { seedSpecialEquipmentDemo } from './demo/demo-seed.ts';
/** The figures this module gives the registry (dashboards, annual report): server/platform/figures. */
export { specialEquipmentFigures } from './special-equipment.figures.ts';
/** The daily reminders of inspections due, overdue and late registrations (SMS outbox). */
export { specialEquipmentJobs } from './special-equipment.jobs.ts';
export { specialEquipmentRoutes } from './special-equipment.routes.ts';
