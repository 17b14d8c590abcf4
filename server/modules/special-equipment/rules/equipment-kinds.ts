import { equipmentKinds, equipmentStatuses, inspectionResults } from '../../../../shared/vocabularies/special-equipment.ts';

/**
 * The kinds of special equipment of the national catalogue (特种设备目录, 质检总局 2014年第114号公告; 特种设备安全法
 * Art. 2): 锅炉、压力容器（含气瓶）、压力管道、电梯、起重机械、客运索道、大型游乐设施、场（厂）内专用机动车辆.
 * Gas cylinders are a class of pressure vessel in the catalogue; they are kept apart here because their users,
 * cycles and inspection bodies differ.
 */
export { equipmentKinds, equipmentStatuses, inspectionResults };
export type EquipmentKind = (typeof equipmentKinds)[number];

export const equipmentKindLabels: Readonly<Record<EquipmentKind, { 'zh-CN': string; en: string }>> = {
  elevator: { 'zh-CN': '电梯', en: 'Elevator' },
  boiler: { 'zh-CN': '锅炉', en: 'Boiler' },
  pressure_vessel: { 'zh-CN': '压力容器', en: 'Pressure vessel' },
  gas_cylinder: { 'zh-CN': '气瓶', en: 'Gas cylinder' },
  pressure_pipeline: { 'zh-CN': '压力管道', en: 'Pressure pipeline' },
  lifting_machinery: { 'zh-CN': '起重机械', en: 'Lifting machinery' },
  in_plant_vehicle: { 'zh-CN': '场（厂）内专用机动车辆', en: 'In-plant vehicle' },
  passenger_ropeway: { 'zh-CN': '客运索道', en: 'Passenger ropeway' },
  amusement_ride: { 'zh-CN': '大型游乐设施', en: 'Amusement ride' },
};

export type EquipmentStatus = (typeof equipmentStatuses)[number];
export type InspectionResult = (typeof inspectionResults)[number];
