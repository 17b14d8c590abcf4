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

/**
 * Industrial products of the 2020 targeted sampling (产品质量监督抽查, "靶向式"抽查): 15 categories and 27 products of the
 * seed's work summary — furniture, lamps, refined oil, children's goods, epidemic-prevention goods and more — with
 * test items of their product standards. Values are plausible, not measured.
 */
export const demoIndustrialProducts: readonly DemoProduct[] = [
  {
    category: '家具',
    productType: '木家具',
    names: ['实木餐桌', '板式衣柜'],
    link: 'any',
    items: [
      item('甲醛释放量', 'mg/L', '≤1.5', 'GB 18584-2001', ['0.3', '0.8'], '2.6'),
      item('稳定性', '/', '不倾翻', 'GB/T 10357.7-2013', ['符合'], '倾翻'),
    ],
  },
  {
    category: '家具',
    productType: '办公椅',
    names: ['网布办公椅', '皮面转椅'],
    link: 'any',
    items: [item('座面静载荷', '/', '无损坏', 'GB/T 10357.3-2013', ['符合'], '气压棒断裂')],
  },
  {
    category: '灯具',
    productType: '可移式通用灯具',
    names: ['LED台灯', '落地灯'],
    link: 'any',
    items: [
      item('防触电保护', '/', '符合', 'GB 7000.1-2015', ['符合'], '带电部件可触及'),
      item('标记', '/', '符合', 'GB 7000.1-2015', ['符合'], '缺少额定功率标记'),
    ],
  },
  {
    category: '灯具',
    productType: 'LED筒灯',
    names: ['LED筒灯 12W'],
    link: 'any',
    items: [item('骚扰电压', 'dB(μV)', '符合限值', 'GB/T 17743-2017', ['符合'], '超限值8.2dB')],
  },
  {
    category: '成品油',
    productType: '车用汽油',
    names: ['92号车用汽油(VIB)', '95号车用汽油(VIB)'],
    link: 'any',
    items: [
      item('研究法辛烷值', '/', '≥92', 'GB/T 5487-2015', ['92.6', '93.1'], '90.8'),
      item('硫含量', 'mg/kg', '≤10', 'SH/T 0689-2000', ['4.6', '7.2'], '14.1'),
    ],
  },
  {
    category: '成品油',
    productType: '车用柴油',
    names: ['0号车用柴油(VI)'],
    link: 'any',
    items: [
      item('硫含量', 'mg/kg', '≤10', 'SH/T 0689-2000', ['5.1', '6.8'], '18.3'),
      item('闪点(闭口)', '℃', '≥60', 'GB/T 261-2008', ['66', '71'], '54'),
    ],
  },
  {
    category: '儿童用品',
    productType: '童装',
    names: ['儿童T恤', '儿童连衣裙'],
    link: 'any',
    items: [
      item('绳带', '/', '符合', 'GB 31701-2015', ['符合'], '头颈部有可调节拉带'),
      item('pH值', '/', '4.0~7.5', 'GB/T 7573-2009', ['6.2', '6.8'], '8.4'),
    ],
  },
  {
    category: '儿童用品',
    productType: '儿童自行车',
    names: ['儿童自行车 14英寸'],
    link: 'any',
    items: [item('制动性能', 'm', '≤3.5', 'GB 14746-2006', ['2.6', '3.0'], '4.1')],
  },
  {
    category: '儿童用品',
    productType: '塑胶玩具',
    names: ['塑胶拼插玩具', '仿真玩具车'],
    link: 'any',
    items: [
      item('小零件', '/', '符合', 'GB 6675.2-2014', ['符合'], '可拆卸小零件'),
      item('增塑剂(DEHP+DBP+BBP)', '%', '≤0.1', 'GB 6675.1-2014', ['未检出', '0.02'], '0.86'),
    ],
  },
  {
    category: '防疫物品',
    productType: '日常防护型口罩',
    names: ['日常防护型口罩(成人)', '日常防护型口罩(儿童)'],
    link: 'any',
    items: [
      item('过滤效率', '%', '≥90', 'GB/T 32610-2016', ['94.2', '96.8'], '71.5'),
      item('吸气阻力', 'Pa', '≤175', 'GB/T 32610-2016', ['92', '118'], '212'),
    ],
  },
  {
    category: '防疫物品',
    productType: '红外额温计',
    names: ['红外额温计'],
    link: 'any',
    items: [item('示值误差', '℃', '±0.3', 'GB/T 21417.1-2008', ['0.1', '0.2'], '0.6')],
  },
  {
    category: '电线电缆',
    productType: '聚氯乙烯绝缘电线',
    names: ['BV 2.5mm² 电线', 'BVR 4mm² 电线'],
    link: 'any',
    items: [item('导体电阻', 'Ω/km', '≤7.41', 'GB/T 3048.4-2007', ['7.18', '7.26'], '8.92')],
  },
  {
    category: '电器附件',
    productType: '插头插座',
    names: ['五孔插座', '两极插头'],
    link: 'any',
    items: [item('防触电保护', '/', '符合', 'GB/T 2099.1-2008', ['符合'], '单极插入可触及带电部件')],
  },
  {
    category: '电器附件',
    productType: '转换器',
    names: ['多位移动插座'],
    link: 'any',
    items: [
      item('温升', 'K', '≤45', 'GB/T 2099.3-2015', ['21', '28'], '57'),
      item('结构', '/', '符合', 'GB/T 2099.3-2015', ['符合'], '插套夹持力不足'),
    ],
  },
  {
    category: '家用电器',
    productType: '电热水壶',
    names: ['不锈钢电热水壶 1.7L'],
    link: 'any',
    items: [item('泄漏电流', 'mA', '≤0.75', 'GB 4706.19-2008', ['0.05', '0.12'], '1.24')],
  },
  {
    category: '家用电器',
    productType: '电吹风',
    names: ['家用电吹风 1800W'],
    link: 'any',
    items: [item('发热', 'K', '符合', 'GB 4706.15-2008', ['符合'], '手柄温升超限')],
  },
  {
    category: '学生用品',
    productType: '铅笔',
    names: ['HB铅笔', '2B铅笔'],
    link: 'any',
    items: [item('可迁移元素(铅)', 'mg/kg', '≤90', 'GB 8771-2007', ['未检出', '6.1'], '142')],
  },
  {
    category: '学生用品',
    productType: '课桌椅',
    names: ['可调节学生课桌椅'],
    link: 'any',
    items: [item('甲醛释放量', 'mg/L', '≤1.5', 'GB/T 3976-2014', ['0.4', '0.9'], '2.1')],
  },
  {
    category: '纺织品',
    productType: '床上用品',
    names: ['纯棉四件套', '夏凉被'],
    link: 'any',
    items: [
      item('甲醛含量', 'mg/kg', '≤75', 'GB 18401-2010', ['未检出', '21'], '126'),
      item('纤维含量', '%', '标称值', 'FZ/T 01057-2007', ['符合'], '与标称不符'),
    ],
  },
  {
    category: '纺织品',
    productType: '针织内衣',
    names: ['针织内衣套装'],
    link: 'any',
    items: [item('耐汗渍色牢度', '级', '≥3-4', 'GB/T 3922-2013', ['4', '4-5'], '2-3')],
  },
  {
    category: '鞋类',
    productType: '运动鞋',
    names: ['运动休闲鞋'],
    link: 'any',
    items: [item('耐折性能', '/', '无裂纹', 'QB/T 4331-2012', ['符合'], '鞋底断裂')],
  },
  {
    category: '建筑材料',
    productType: '陶瓷砖',
    names: ['釉面砖 600×600'],
    link: 'any',
    items: [item('吸水率', '%', '≤0.5', 'GB/T 4100-2015', ['0.08', '0.21'], '1.9')],
  },
  {
    category: '建筑材料',
    productType: '防水卷材',
    names: ['SBS改性沥青防水卷材'],
    link: 'any',
    items: [item('拉力', 'N/50mm', '≥500', 'GB 18242-2008', ['612', '655'], '428')],
  },
  {
    category: '涂料',
    productType: '室内装饰装修用涂料',
    names: ['内墙乳胶漆', '木器漆'],
    link: 'any',
    items: [item('VOC含量', 'g/L', '≤80', 'GB 18582-2020', ['22', '41'], '136')],
  },
  {
    category: '食品相关产品',
    productType: '塑料餐饮具',
    names: ['一次性塑料餐盒', '塑料保鲜盒'],
    link: 'any',
    items: [item('总迁移量', 'mg/dm²', '≤10', 'GB 4806.7-2016', ['2.1', '3.4'], '14.6')],
  },
  {
    category: '食品相关产品',
    productType: '不锈钢餐具',
    names: ['不锈钢汤锅', '不锈钢碗'],
    link: 'any',
    items: [item('铅迁移量', 'mg/kg', '≤0.05', 'GB 4806.9-2016', ['未检出', '0.01'], '0.12')],
  },
  {
    category: '电动自行车',
    productType: '电动自行车',
    names: ['电动自行车 48V'],
    link: 'any',
    items: [
      item('最高车速', 'km/h', '≤25', 'GB 17761-2018', ['24.1', '24.6'], '31.2'),
      item('整车质量', 'kg', '≤55', 'GB 17761-2018', ['48.5', '52.0'], '61.3'),
    ],
  },
];
