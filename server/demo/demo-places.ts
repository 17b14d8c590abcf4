import { type Bounds, nearestCentreCells, type Ring } from '../modules/risk-code/index.ts';

/** The demo district: fictional 明州区 under Ningbo (code 330212), with street names of the area. */
export const demoDistrict = {
  code: '330212',
  name: '明州区',
  nameEn: 'Mingzhou District (demo)',
  cityCode: '330200',
  provinceCode: '330000',
} as const;

export interface DemoStreet {
  name: string;
  nameEn: string;
  roads: string[];
  communities: string[];
  centre: [number, number];
}

export const demoStreets: DemoStreet[] = [
  {
    name: '中河街道',
    nameEn: 'Zhonghe',
    roads: ['天童南路', '中河路', '兴宁路', '金家漕路', '宁南北路'],
    communities: ['曙光社区', '华泰社区', '宋诏桥社区', '东城社区', '丹凤社区', '长丰社区'],
    centre: [121.565, 29.853],
  },
  {
    name: '钟公庙街道',
    nameEn: 'Zhonggongmiao',
    roads: ['天童南路', '泰康中路', '日丽中路', '嵩江中路', '钟公庙路'],
    communities: ['鄞奉社区', '惠风社区', '鲍家社区', '天伦社区', '格兰春天社区'],
    centre: [121.548, 29.836],
  },
  {
    name: '首南街道',
    nameEn: 'Shounan',
    roads: ['首南中路', '四明中路', '日丽南路', '鄞县大道', '贸城中路'],
    communities: ['陈婆渡社区', '泰安社区', '学府社区', '都市森林社区', '天宫社区', '锦寓社区', '李花桥社区'],
    centre: [121.555, 29.808],
  },
  {
    name: '潘火街道',
    nameEn: 'Panhuo',
    roads: ['金谷中路', '潘火路', '宁横路', '桑田路', '金源路'],
    communities: ['潘火社区', '金桥社区', '联升社区', '德培社区'],
    centre: [121.603, 29.823],
  },
  {
    name: '下应街道',
    nameEn: 'Xiaying',
    roads: ['海晏北路', '东兴路', '天童北路', '下应北路', '湾底路'],
    communities: ['东方社区', '湾底社区', '海创社区', '天童社区', '江六社区'],
    centre: [121.59, 29.8],
  },
  {
    name: '东柳街道',
    nameEn: 'Dongliu',
    roads: ['中兴路', '东柳路', '百丈东路', '朝晖路', '惊驾路'],
    communities: ['东海花园社区', '太古社区', '华侨城社区', '朝晖社区', '东柳坊社区'],
    centre: [121.58, 29.87],
  },
  {
    name: '百丈街道',
    nameEn: 'Baizhang',
    roads: ['百丈路', '中山东路', '彩虹南路', '桑田路', '演武街'],
    communities: ['七塔社区', '史家社区', '华严社区', '王隘社区', '划船社区', '戎家社区', '潜龙社区', '曙光北社区'],
    centre: [121.572, 29.866],
  },
];

/** The district's extent on the map: every street's outline lies in it and together they cover it. */
export const demoDistrictBounds: Bounds = { west: 121.53, south: 29.785, east: 121.62, north: 29.885 };

/**
 * The streets' outlines, in the order of demoStreets: the district split by nearest street centre, so they tile
 * it without overlap; the demo places each unit inside its street's outline (demo-entities.ts).
 */
export const demoStreetOutlines: Ring[] = nearestCentreCells(
  demoStreets.map((street) => street.centre),
  demoDistrictBounds,
);

/** Stations (市场监管所) and the streets each covers, by index into demoStreets. */
export const demoStations = [
  { name: '中河市场监管所', nameEn: 'Zhonghe station', streets: [0, 1] },
  { name: '首南市场监管所', nameEn: 'Shounan station', streets: [2] },
  { name: '潘火市场监管所', nameEn: 'Panhuo station', streets: [3, 4] },
  { name: '东柳市场监管所', nameEn: 'Dongliu station', streets: [5] },
  { name: '百丈市场监管所', nameEn: 'Baizhang station', streets: [6] },
];

export const demoSections = [
  { name: '食品安全科', nameEn: 'Food safety section' },
  { name: '药品医疗器械科', nameEn: 'Drugs and medical devices section' },
  { name: '特种设备科', nameEn: 'Special equipment section' },
  { name: '综合执法队', nameEn: 'Enforcement brigade' },
  { name: '消费者权益保护科', nameEn: 'Consumer protection section' },
  { name: '信用监管科', nameEn: 'Credit supervision section' },
  { name: '登记注册科', nameEn: 'Registration section' },
];

export const surnames =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金贾夏韦付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤';
export const givenNameCharacters =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬斌宇浩凯鹏飞俊峰建国建华志强海波晓东立新雪梅丹丹佳怡子涵梓轩一诺欣怡浩然宇航';
export const tradeNames = [
  '恒达',
  '顺发',
  '鑫源',
  '华通',
  '宏远',
  '永盛',
  '金鼎',
  '瑞丰',
  '德润',
  '嘉禾',
  '甬兴',
  '四明',
  '天一',
  '明远',
  '海纳',
  '东升',
  '盛世',
  '万家',
  '康泰',
  '博雅',
  '锦程',
  '新宇',
  '聚福',
  '和美',
  '隆昌',
  '丰泽',
  '益民',
  '长青',
  '中和',
  '信诚',
  '宝利',
  '安达',
  '启航',
  '泰和',
  '优品',
  '美佳',
  '乐活',
  '众鑫',
  '诚信',
  '民生',
  '春晖',
  '海曙',
  '东钱',
  '钱湖',
  '天童',
  '阿育',
  '港城',
  '甬江',
  '荣华',
  '昌盛',
  '悦来',
  '好运',
  '新天地',
  '金港',
  '银河',
  '九州',
  '同心',
  '合力',
  '百川',
  '千禧',
  '万隆',
  '星辰',
  '云帆',
  '翔宇',
];
