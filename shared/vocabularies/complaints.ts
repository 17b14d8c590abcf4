/** The complaints module's value lists, one home for the server's schemas and tables and the web's filters and forms (labels in the locale files). */

export const complaintKinds = ['complaint', 'report', 'petition'] as const;

export const complaintStatuses = ['received', 'accepted', 'rejected', 'mediating', 'verifying', 'awaiting_reply', 'closed'] as const;

/** Grounds to reject a complaint (Order 20 Art. 15). */
export const rejectGrounds = [
  'no_jurisdiction',
  'handled_elsewhere',
  'not_consumer_dispute',
  'time_barred',
  'materials_missing',
  'other',
] as const;

/** How mediation ended (Order 20 Art. 21; `agreement` = settled). */
export const mediationOutcomes = [
  'agreement',
  'withdrawn',
  'no_lab_agreement',
  'party_refused',
  'party_declared_impossible',
  'time_expired',
  'ground_found_later',
  'other',
] as const;

export const complaintChannels = ['hotline_12315', 'platform_12315', 'web', 'letter', 'visit', 'other'] as const;

export const complaintCategories = [
  'food',
  'drugs',
  'cosmetics',
  'medical_devices',
  'product_quality',
  'special_equipment',
  'price',
  'advertising',
  'contract',
  'services',
  'trademark',
  'metrology',
  'unlicensed',
  'other',
] as const;

export const surveyAnswers = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
