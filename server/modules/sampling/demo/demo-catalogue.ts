/**
 * Demo catalogue: 15 food categories with 27 product types (GB 2760/2762/2763 test items), the breakfast
 * campaign's products and the fastener products. Values are plausible, not measured.
 */
export interface DemoItem {
  name: string;
  unit: string;
  limit: string;
  standard: string;
  pass: readonly string[];
  fail: string;
}
export interface DemoProduct {
  category: string;
  productType: string;
  names: readonly string[];
  /** catering products are sampled in restaurants, agricultural products in circulation only. */
  link: 'catering' | 'circulation' | 'any';
  items: readonly DemoItem[];
}

const item = (name: string, unit: string, limit: string, standard: string, pass: string[], fail: string): DemoItem => ({
  name,
  unit,
  limit,
  standard,
  pass,
  fail,
});
const acid = item('酸价（以脂肪计）(KOH)', 'mg/g', '≤3', 'GB 5009.229-2016', ['0.6', '1.2', '0.9'], '5.8');
const peroxide = item('过氧化值（以脂肪计）', 'g/100g', '≤0.25', 'GB 5009.227-2016', ['0.05', '0.11', '0.08'], '0.41');
const colonies = item('菌落总数', 'CFU/g', '≤10⁵', 'GB 4789.2-2016', ['<10', '3.2×10³', '8.0×10²'], '4.6×10⁵');
const benzoic = item('苯甲酸及其钠盐（以苯甲酸计）', 'g/kg', '≤1.0', 'GB 5009.28-2016', ['未检出', '0.12', '0.35'], '1.62');
const sorbic = item('山梨酸及其钾盐（以山梨酸计）', 'g/kg', '≤0.075', 'GB 5009.28-2016', ['未检出', '0.021'], '0.19');
const nitrite = item('亚硝酸盐（以亚硝酸钠计）', 'mg/kg', '≤30', 'GB 5009.33-2016', ['3.1', '8.7', '未检出'], '46');
const dehydro = item('脱氢乙酸及其钠盐（以脱氢乙酸计）', 'g/kg', '不得使用', 'GB 5009.121-2016', ['未检出'], '0.127');
const cyclamate = item('甜蜜素（以环己基氨基磺酸计）', 'g/kg', '不得使用', 'GB 5009.97-2016', ['未检出'], '0.28');
const aluminium = item('铝的残留量（干样品，以Al计）', 'mg/kg', '≤100', 'GB 5009.182-2017', ['未检出', '12.6', '38.0'], '286');

export const demoFoodProducts: readonly DemoProduct[] = [
  {
    category: '粮食加工品',
    productType: '小麦粉',
    names: ['特制一等小麦粉', '富强粉'],
    link: 'any',
    items: [
      item('脱氧雪腐镰刀菌烯醇', 'μg/kg', '≤1000', 'GB 5009.111-2016', ['86', '212', '未检出'], '1480'),
      item('苯并[a]芘', 'μg/kg', '≤5.0', 'GB 5009.27-2016', ['未检出', '0.4'], '7.9'),
    ],
  },
  {
    category: '粮食加工品',
    productType: '大米',
    names: ['东北大米', '粳米'],
    link: 'any',
    items: [
      item('镉（以Cd计）', 'mg/kg', '≤0.2', 'GB 5009.15-2014', ['0.021', '0.063'], '0.37'),
      item('黄曲霉毒素B₁', 'μg/kg', '≤10', 'GB 5009.22-2016', ['未检出'], '14.2'),
    ],
  },
  {
    category: '食用油、油脂及其制品',
    productType: '食用植物油',
    names: ['菜籽油', '花生油', '大豆油'],
    link: 'any',
    items: [acid, peroxide, item('苯并[a]芘', 'μg/kg', '≤10', 'GB 5009.27-2016', ['0.9', '2.1'], '15.6')],
  },
  {
    category: '调味品',
    productType: '酱油',
    names: ['生抽酱油', '老抽酱油'],
    link: 'any',
    items: [item('氨基酸态氮', 'g/100mL', '≥0.4', 'GB 5009.235-2016', ['0.82', '0.71'], '0.31'), benzoic],
  },
  {
    category: '调味品',
    productType: '食醋',
    names: ['香醋', '米醋'],
    link: 'any',
    items: [item('总酸（以乙酸计）', 'g/100mL', '≥3.5', 'GB 5009.239-2016', ['4.52', '5.10'], '2.86'), benzoic],
  },
  {
    category: '调味品',
    productType: '味精',
    names: ['味精'],
    link: 'any',
    items: [item('谷氨酸钠', 'g/100g', '≥99.0', 'GB/T 8967-2007', ['99.6', '99.8'], '97.1')],
  },
  { category: '肉制品', productType: '酱卤肉制品', names: ['酱牛肉', '卤猪耳'], link: 'any', items: [nitrite, colonies] },
  { category: '肉制品', productType: '熏煮香肠火腿制品', names: ['火腿肠', '熏煮香肠'], link: 'any', items: [nitrite, sorbic] },
  {
    category: '乳制品',
    productType: '灭菌乳',
    names: ['纯牛奶'],
    link: 'any',
    items: [
      item('蛋白质', 'g/100g', '≥2.9', 'GB 5009.5-2016', ['3.1', '3.3'], '2.6'),
      item('商业无菌', '/', '商业无菌', 'GB 4789.26-2013', ['商业无菌'], '非商业无菌'),
    ],
  },
  {
    category: '乳制品',
    productType: '发酵乳',
    names: ['风味发酵乳', '原味酸奶'],
    link: 'any',
    items: [
      item('蛋白质', 'g/100g', '≥2.3', 'GB 5009.5-2016', ['2.7', '2.9'], '2.0'),
      item('酵母', 'CFU/g', '≤100', 'GB 4789.15-2016', ['<10'], '2.4×10³'),
    ],
  },
  {
    category: '饮料',
    productType: '包装饮用水',
    names: ['饮用纯净水', '饮用天然水'],
    link: 'any',
    items: [
      item('耗氧量（以O₂计）', 'mg/L', '≤2.0', 'GB/T 5750.7-2006', ['0.4', '0.7'], '2.8'),
      item('铜绿假单胞菌', 'CFU/250mL', '0', 'GB 8538-2016', ['0'], '12'),
    ],
  },
  { category: '饮料', productType: '果蔬汁类及其饮料', names: ['橙汁饮料', '苹果汁'], link: 'any', items: [cyclamate, colonies] },
  { category: '方便食品', productType: '方便面', names: ['油炸方便面'], link: 'any', items: [acid, peroxide] },
  { category: '饼干', productType: '饼干', names: ['苏打饼干', '夹心饼干'], link: 'any', items: [acid, peroxide, colonies] },
  {
    category: '速冻食品',
    productType: '速冻面米食品',
    names: ['速冻水饺', '速冻汤圆'],
    link: 'any',
    items: [peroxide, item('金黄色葡萄球菌', 'CFU/g', '≤10³', 'GB 4789.10-2016', ['<10'], '3.6×10³')],
  },
  { category: '糕点', productType: '糕点', names: ['蛋糕', '月饼', '面包'], link: 'any', items: [acid, peroxide, colonies, dehydro] },
  { category: '豆制品', productType: '豆腐', names: ['内酯豆腐', '老豆腐'], link: 'any', items: [benzoic, dehydro] },
  {
    category: '豆制品',
    productType: '腐竹',
    names: ['腐竹'],
    link: 'any',
    items: [item('二氧化硫残留量', 'g/kg', '≤0.2', 'GB 5009.34-2016', ['未检出', '0.011'], '0.46')],
  },
  {
    category: '酒类',
    productType: '白酒',
    names: ['浓香型白酒', '清香型白酒'],
    link: 'any',
    items: [
      item('酒精度', '%vol', '标示值±1.0', 'GB 5009.225-2016', ['52.1', '41.8'], '48.6（标示52）'),
      item('甲醇', 'g/L', '≤0.6', 'GB 5009.266-2016', ['0.08', '0.12'], '0.93'),
    ],
  },
  {
    category: '酒类',
    productType: '啤酒',
    names: ['淡色啤酒'],
    link: 'any',
    items: [item('甲醛', 'mg/L', '≤2.0', 'GB 5009.266-2016', ['0.3', '0.6'], '2.7')],
  },
  { category: '蔬菜制品', productType: '酱腌菜', names: ['榨菜', '酸菜'], link: 'any', items: [nitrite, benzoic] },
  {
    category: '食用农产品',
    productType: '猪肉',
    names: ['猪肉'],
    link: 'circulation',
    items: [
      item('克伦特罗', 'μg/kg', '不得检出', 'GB/T 22286-2008', ['未检出'], '1.26'),
      item('氯霉素', 'μg/kg', '不得检出', 'GB/T 22338-2008', ['未检出'], '0.52'),
    ],
  },
  {
    category: '食用农产品',
    productType: '芹菜',
    names: ['芹菜'],
    link: 'circulation',
    items: [
      item('毒死蜱', 'mg/kg', '≤0.05', 'GB 23200.113-2018', ['未检出', '0.008'], '0.31'),
      item('甲拌磷', 'mg/kg', '≤0.01', 'GB 23200.113-2018', ['未检出'], '0.053'),
    ],
  },
  {
    category: '食用农产品',
    productType: '鸡蛋',
    names: ['鲜鸡蛋'],
    link: 'circulation',
    items: [
      item('氟苯尼考', 'μg/kg', '不得检出', 'GB/T 22338-2008', ['未检出'], '35.2'),
      item('恩诺沙星', 'μg/kg', '不得检出', 'GB/T 21312-2007', ['未检出'], '18.4'),
    ],
  },
  { category: '餐饮食品', productType: '油炸面制品', names: ['油条', '油饼'], link: 'catering', items: [aluminium] },
  {
    category: '餐饮食品',
    productType: '发酵面制品',
    names: ['馒头', '花卷', '包子'],
    link: 'catering',
    items: [cyclamate, item('糖精钠（以糖精计）', 'g/kg', '不得使用', 'GB 5009.28-2016', ['未检出'], '0.16')],
  },
  {
    category: '餐饮食品',
    productType: '复用餐饮具',
    names: ['消毒餐具（碗）', '消毒餐具（盘）'],
    link: 'catering',
    items: [
      item('阴离子合成洗涤剂（以十二烷基苯磺酸钠计）', 'mg/100cm²', '不得检出', 'GB 14934-2016', ['未检出'], '0.019'),
      item('大肠菌群', '/50cm²', '不得检出', 'GB 14934-2016', ['未检出'], '检出'),
    ],
  },
];

/** Breakfast campaign (早餐店专项抽检): fried and steamed dough, soy milk. */
export const demoBreakfastProducts: readonly DemoProduct[] = [
  {
    category: '餐饮食品',
    productType: '油炸面制品',
    names: ['油条'],
    link: 'catering',
    items: [aluminium, item('硼酸（硼砂）', 'mg/kg', '不得检出（非食用物质）', 'GB/T 21918-2008', ['未检出'], '156')],
  },
  { category: '餐饮食品', productType: '发酵面制品', names: ['馒头', '包子'], link: 'catering', items: [cyclamate, dehydro] },
  {
    category: '餐饮食品',
    productType: '豆浆',
    names: ['现磨豆浆'],
    link: 'catering',
    items: [item('脲酶试验', '/', '阴性', 'GB 5009.183-2003', ['阴性'], '阳性')],
  },
];

/** Fasteners (industrial products, 产品质量监督抽查). */
export const demoFastenerProducts: readonly DemoProduct[] = [
  {
    category: '紧固件',
    productType: '六角头螺栓',
    names: ['六角头螺栓 M10×50 8.8级'],
    link: 'any',
    items: [
      item('抗拉强度', 'MPa', '≥800', 'GB/T 3098.1-2010', ['846', '872'], '768'),
      item('硬度', 'HRC', '22~32', 'GB/T 3098.1-2010', ['27', '29'], '35'),
    ],
  },
  {
    category: '紧固件',
    productType: '六角螺母',
    names: ['1型六角螺母 M12 8级'],
    link: 'any',
    items: [item('保证载荷', 'kN', '无损坏', 'GB/T 3098.2-2015', ['通过'], '螺纹脱扣')],
  },
  {
    category: '紧固件',
    productType: '平垫圈',
    names: ['平垫圈 12 200HV'],
    link: 'any',
    items: [item('硬度', 'HV', '200~300', 'GB/T 97.1-2002', ['236', '251'], '182')],
  },
  {
    category: '紧固件',
    productType: '自攻螺钉',
    names: ['十字槽盘头自攻螺钉 ST4.2'],
    link: 'any',
    items: [
      item('表面硬度', 'HV0.3', '≥450', 'GB/T 3098.5-2016', ['512', '540'], '410'),
      item('扭矩强度', 'N·m', '≥4.5', 'GB/T 3098.5-2016', ['5.6'], '3.9'),
    ],
  },
];
