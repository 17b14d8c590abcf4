/** The registry module's value lists, one home for the server's schemas and tables and the web's filters and forms (labels in the locale files). */

export const entityKinds = ['enterprise', 'individual'] as const;

/** 存续/在业, 迁出, 注销, 吊销. */
export const entityStatuses = ['active', 'moved_out', 'cancelled', 'revoked'] as const;

export const businessCategories = [
  'catering',
  'food_workshop',
  'pharmacy',
  'farmers_market',
  'special_equipment_user',
  'food_production',
  'food_retail',
  'other',
] as const;

/** 营业执照, 食品经营许可证, 药品经营许可证, 食品生产许可证, 小作坊登记证. */
export const licenceKinds = ['business', 'food_business', 'pharmacy', 'food_production', 'workshop_registration'] as const;

export const importActions = ['new', 'updated', 'unchanged', 'rejected'] as const;

export const importFields = [
  'creditCode',
  'name',
  'kind',
  'legalRepName',
  'legalRepIdNumber',
  'phone',
  'industryCode',
  'registeredCapitalWan',
  'foundedOn',
  'address',
  'street',
  'status',
  'businessCategory',
] as const;
