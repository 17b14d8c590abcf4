import { creditCodeCharset, creditCodeCheckCharacter, organisationCodeCheckCharacter } from '../../shared/credit-code.ts';
import { residentIdCheckCharacter } from '../../shared/resident-id.ts';
import type { BusinessCategory, EntityKind, EntityStatus, LicenceKind } from '../modules/registry/index.ts';
import { type LngLat, pullInside, type Ring } from '../modules/risk-code/index.ts';
import {
  type DemoStreet,
  demoDistrict,
  demoStreetOutlines,
  demoStreets,
  givenNameCharacters,
  surnames,
  tradeNames,
} from './demo-places.ts';
import { dayNumber, dayString, type Random, randomDay } from './prng.ts';

const round6 = (p: LngLat): LngLat => [Number(p[0].toFixed(6)), Number(p[1].toFixed(6))];

/** A point near the street's centre (two draws, ±0.015°), pulled inside the street's outline. */
function placeInStreet(streetIndex: number, u: number, v: number): { lng: string; lat: string } {
  const street = demoStreets[streetIndex] as DemoStreet;
  const centre = street.centre;
  const [lng, lat] = pullInside(
    [centre[0] + (u - 0.5) * 0.03, centre[1] + (v - 0.5) * 0.03],
    centre,
    demoStreetOutlines[streetIndex] as Ring,
    round6,
  );
  return { lng: lng.toFixed(6), lat: lat.toFixed(6) };
}

/**
 * The registry figures of the 2020 work summary: on 2020-12-31, 22,774 enterprises (+9.09%) and 28,858
 * individual businesses (+9.28%). The cohorts below are chosen so that on 2019-12-31 there were 20,876
 * and 26,408 — 22,774 / 20,876 = 1.09092, 28,858 / 26,408 = 1.09278.
 */
export const demoTargets = {
  enterprise: { at2020: 22_774, at2019: 20_876, cancelledIn2020: 700, laterCancelled: 1_500, historic: 2_500, recent: 3_000 },
  individual: { at2020: 28_858, at2019: 26_408, cancelledIn2020: 1_800, laterCancelled: 3_000, historic: 6_000, recent: 5_000 },
} as const;

/** Special populations later modules need (per scale unit). */
export const demoPopulations: readonly { category: BusinessCategory; enterprise: number; individual: number }[] = [
  { category: 'catering', enterprise: 750, individual: 2_250 },
  { category: 'food_workshop', enterprise: 0, individual: 120 },
  { category: 'pharmacy', enterprise: 176, individual: 0 },
  { category: 'farmers_market', enterprise: 18, individual: 0 },
  { category: 'special_equipment_user', enterprise: 300, individual: 0 },
  { category: 'food_production', enterprise: 80, individual: 0 },
  { category: 'food_retail', enterprise: 200, individual: 1_300 },
];

export interface DemoLicence {
  kind: LicenceKind;
  number: string;
  issuer: string;
  issuedOn: string;
  validUntil: string;
  scopeItems: string[];
}

export interface DemoEntity {
  kind: EntityKind;
  creditCode: string;
  name: string;
  legalRepName: string;
  legalRepIdNumber: string;
  phone: string;
  industryCode: string;
  registeredCapitalWan: string | null;
  foundedOn: string;
  status: EntityStatus;
  endedOn: string | null;
  address: string;
  streetIndex: number;
  communityIndex: number;
  lng: string;
  lat: string;
  category: BusinessCategory;
  licences: DemoLicence[];
}

interface Cohort {
  count: number;
  founded: [string, string];
  /** null: still on the register; else the window its end falls in (after founding). */
  ended: [string, string] | null;
}

function cohorts(kind: EntityKind, scale: number, today: string): Cohort[] {
  const target = demoTargets[kind];
  const survivorsOld = target.at2019 - target.cancelledIn2020;
  const new2020 = target.at2020 - survivorsOld;
  const lateOld = Math.round(target.laterCancelled * 0.8);
  const lateNew = target.laterCancelled - lateOld;
  const yesterday = dayString(dayNumber(today) - 1);
  const plan: Cohort[] = [
    { count: survivorsOld - lateOld, founded: ['1995-01-01', '2019-12-31'], ended: null },
    { count: lateOld, founded: ['1995-01-01', '2019-12-31'], ended: ['2021-01-01', yesterday] },
    { count: target.cancelledIn2020, founded: ['1995-01-01', '2019-12-31'], ended: ['2020-01-01', '2020-12-31'] },
    { count: new2020 - lateNew, founded: ['2020-01-01', '2020-12-31'], ended: null },
    { count: lateNew, founded: ['2020-01-01', '2020-12-31'], ended: ['2021-01-01', yesterday] },
    { count: 50, founded: ['2020-01-01', '2020-06-30'], ended: ['2020-07-01', '2020-12-31'] },
    { count: target.historic, founded: ['1995-01-01', '2018-12-31'], ended: ['1996-01-01', '2019-12-31'] },
    { count: target.recent, founded: ['2021-01-01', yesterday], ended: null },
  ];
  return plan.map((cohort) => ({ ...cohort, count: cohort.count * scale }));
}

/** Founding days lean to recent years, as registrations grew (~8% a year). */
function foundingDay(random: Random, [from, to]: [string, string]): string {
  const first = Number(from.slice(0, 4));
  const last = Number(to.slice(0, 4));
  const years: [number, number][] = [];
  for (let year = first; year <= last; year++) years.push([year, 1.08 ** (year - 1995)]);
  const year = random.weighted(years);
  const start = year === first ? from : `${year}-01-01`;
  const end = year === last ? to : `${year}-12-31`;
  return randomDay(random, start, end);
}

const enterpriseIndustries: [string, number][] = [
  ['C33', 8],
  ['C34', 10],
  ['C35', 6],
  ['C38', 6],
  ['C39', 5],
  ['C29', 4],
  ['C18', 5],
  ['C17', 3],
  ['F51', 25],
  ['F52', 8],
  ['L72', 12],
  ['I65', 8],
  ['I64', 3],
  ['M74', 5],
  ['M75', 6],
  ['E47', 3],
  ['E50', 5],
  ['K70', 3],
  ['G54', 3],
  ['G59', 2],
  ['R88', 2],
  ['O80', 2],
  ['H61', 1],
];
const individualIndustries: [string, number][] = [
  ['F52', 40],
  ['O80', 15],
  ['O81', 10],
  ['F51', 5],
  ['R90', 3],
  ['R89', 2],
  ['P83', 2],
  ['G54', 5],
  ['E50', 4],
  ['C18', 2],
  ['A01', 2],
  ['L72', 3],
];
const industryWords: Record<string, string[]> = {
  C33: ['金属制品', '五金'],
  C34: ['机械制造', '机械'],
  C35: ['设备'],
  C38: ['电器', '电气'],
  C39: ['电子科技', '电子'],
  C29: ['塑业', '塑料制品'],
  C18: ['服饰', '服装'],
  C17: ['纺织'],
  F51: ['贸易', '进出口', '国际贸易'],
  F52: ['商贸', '超市', '商行'],
  L72: ['企业管理咨询', '商务服务', '会展服务'],
  I65: ['信息技术', '软件科技'],
  I64: ['网络科技'],
  M74: ['检测技术', '工程设计'],
  M75: ['科技'],
  E47: ['建设'],
  E50: ['装饰工程'],
  K70: ['物业管理', '房地产开发'],
  G54: ['物流', '运输'],
  G59: ['仓储'],
  R88: ['文化传媒'],
  O80: ['家政服务', '洗衣店', '理发店', '美容店'],
  O81: ['汽车修理部', '家电维修部', '手机维修店'],
  R90: ['棋牌室', '桌游馆'],
  R89: ['健身工作室'],
  P83: ['培训中心'],
  A01: ['果蔬种植场'],
  H61: ['酒店', '宾馆'],
  H62: ['餐饮'],
  C14: ['食品'],
  Q84: ['医院'],
};
const cateringShops = ['餐饮店', '小吃店', '面馆', '快餐店', '饭店', '烧烤店', '包子铺', '奶茶店', '火锅店', '早餐店', '麻辣烫店'];
const workshopProducts = ['年糕', '豆制品', '糕点', '腌制品', '米面制品', '汤圆', '酱鸭'];

function personName(random: Random): string {
  const given = random.int(1, 10) <= 7 ? 2 : 1;
  let name = random.pick([...surnames]);
  for (let index = 0; index < given; index++) name += random.pick([...givenNameCharacters]);
  return name;
}

function idNumber(random: Random): string {
  const region = random.weighted<string>([
    ['330212', 40],
    ['330203', 10],
    ['330281', 8],
    ['330226', 6],
    ['341221', 5],
    ['512922', 4],
    ['362329', 3],
    ['330825', 4],
  ]);
  const birth = dayString(random.int(dayNumber('1950-01-01'), dayNumber('2001-12-31'))).replace(/-/g, '');
  const body = `${region}${birth}${String(random.int(0, 999)).padStart(3, '0')}`;
  return body + residentIdCheckCharacter(body);
}

function phoneNumber(random: Random): string {
  return random.int(1, 10) <= 8
    ? `1${random.pick(['3', '5', '7', '8', '9'])}${String(random.int(0, 999_999_999)).padStart(9, '0')}`
    : `0574${String(random.int(80_000_000, 89_999_999))}`;
}

/** Credit code 9 (market regulation) + 1 enterprise / 2 individual + 330212 + a GB 11714-checked body + check. */
function creditCode(kind: EntityKind, serial: number): string {
  let value = (serial * 7_919 + 104_729) % 31 ** 8;
  let body = '';
  for (let index = 0; index < 8; index++) {
    body = creditCodeCharset.charAt(value % 31) + body;
    value = Math.floor(value / 31);
  }
  const first17 = `9${kind === 'enterprise' ? '1' : '2'}${demoDistrict.code}${body}${organisationCodeCheckCharacter(body)}`;
  return first17 + creditCodeCheckCharacter(first17);
}

function addYears(day: string, years: number): string {
  return `${Number(day.slice(0, 4)) + years}${day.slice(4)}`.replace(/-02-29$/, '-02-28');
}

/** A licence whose expiry spreads around `today`: some expired, some due within 30 or 90 days, most later. */
function licenceDates(random: Random, foundedOn: string, today: string, years: number): { issuedOn: string; validUntil: string } {
  const band = random.weighted<[number, number]>([
    [[-365, -1], 6],
    [[0, 30], 4],
    [[31, 90], 8],
    [[91, 365 * years - 1], 82],
  ]);
  let validUntil = dayString(dayNumber(today) + random.int(band[0], band[1]));
  let issuedOn = dayString(dayNumber(addYears(validUntil, -years)) + 1);
  if (issuedOn < foundedOn) {
    issuedOn = foundedOn;
    if (validUntil < issuedOn) validUntil = addYears(issuedOn, years);
  }
  return { issuedOn, validUntil };
}

const issuer = '宁波市明州区市场监督管理局';

function licencesFor(random: Random, category: BusinessCategory, foundedOn: string, today: string, serial: number): DemoLicence[] {
  const padded = String(serial % 1_000_000).padStart(6, '0');
  if (category === 'catering' || category === 'food_retail') {
    const digits = `${category === 'catering' ? '2' : '1'}${demoDistrict.code}${padded}`;
    const check = String([...digits].reduce((sum, digit, index) => sum + Number(digit) * (index + 1), 0) % 10);
    const items =
      category === 'catering'
        ? ['热食类食品制售', random.pick(['冷食类食品制售', '糕点类食品制售', '自制饮品制售', '预包装食品销售'])]
        : ['预包装食品销售', random.pick(['散装食品销售', '保健食品销售', '特殊医学用途配方食品销售'])];
    return [
      { kind: 'food_business', number: `JY${digits}${check}`, issuer, ...licenceDates(random, foundedOn, today, 5), scopeItems: items },
    ];
  }
  if (category === 'pharmacy') {
    return [
      {
        kind: 'pharmacy',
        number: `浙CB574${padded.slice(-4)}${serial >= 10_000 ? `-${Math.floor(serial / 10_000)}` : ''}`,
        issuer: '宁波市市场监督管理局',
        ...licenceDates(random, foundedOn, today, 5),
        scopeItems: ['中成药', '化学药制剂', '抗生素制剂', '生化药品'],
      },
    ];
  }
  if (category === 'food_workshop') {
    return [
      {
        kind: 'workshop_registration',
        number: `浙食坊登${demoDistrict.code}${padded}`,
        issuer,
        ...licenceDates(random, foundedOn, today, 3),
        scopeItems: [random.pick(workshopProducts)],
      },
    ];
  }
  if (category === 'food_production') {
    return [
      {
        kind: 'food_production',
        number: `SC1${random.pick(['01', '04', '24', '26'])}${demoDistrict.code}${padded.slice(-4)}${serial % 10}`,
        issuer: '宁波市市场监督管理局',
        ...licenceDates(random, foundedOn, today, 5),
        scopeItems: [random.pick(['糕点', '方便食品', '速冻食品', '饮料'])],
      },
    ];
  }
  return [];
}

function nameFor(random: Random, kind: EntityKind, category: BusinessCategory, industryCode: string, streetShort: string): string {
  const trade = random.pick(tradeNames) + (random.int(1, 3) === 1 ? random.pick(['伟业', '兴业', '实业', '佳', '汇', '达', '盛']) : '');
  const word = random.pick(industryWords[industryCode] ?? ['商贸']);
  const place = `宁波市明州区${streetShort}`;
  switch (category) {
    case 'catering':
      return kind === 'enterprise'
        ? `宁波${trade}餐饮${random.pick(['管理', ''])}有限公司`
        : `${place}${trade}${random.pick(cateringShops)}`;
    case 'food_workshop':
      return `${place}${trade}${random.pick(workshopProducts)}加工坊`;
    case 'pharmacy':
      return `宁波${trade}${random.pick(['大药房', '药店', '医药连锁'])}有限公司`;
    case 'farmers_market':
      return `宁波明州${streetShort}${trade}农贸市场有限公司`;
    case 'food_production':
      return `宁波${trade}食品有限公司`;
    case 'food_retail':
      return kind === 'enterprise'
        ? `宁波${trade}超市有限公司`
        : `${place}${trade}${random.pick(['食品商行', '便利店', '副食品店', '超市'])}`;
    default:
      return kind === 'enterprise'
        ? `宁波${trade}${word}${random.weighted([
            ['有限公司', 90],
            ['有限责任公司', 7],
            ['股份有限公司', 3],
          ])}`
        : `${place}${trade}${word.endsWith('店') || word.endsWith('行') || word.endsWith('超市') || word.endsWith('部') || word.endsWith('室') || word.endsWith('馆') || word.endsWith('场') || word.endsWith('中心') ? word : `${word}店`}`;
  }
}

const categoryIndustry: Partial<Record<BusinessCategory, (random: Random) => string>> = {
  catering: () => 'H62',
  food_workshop: () => 'C14',
  pharmacy: () => 'F52',
  farmers_market: () => 'L72',
  food_production: () => 'C14',
  food_retail: () => 'F52',
  special_equipment_user: (random) =>
    random.weighted([
      ['K70', 40],
      ['H61', 25],
      ['C34', 25],
      ['Q84', 10],
    ]),
};

/**
 * The whole demo register, in founding order: deterministic for one seed, one scale and one `today`
 * (licence expiry and the newest registrations are placed relative to today).
 */
export function planDemoEntities(random: Random, scale: number, today: string): DemoEntity[] {
  const specs: { kind: EntityKind; foundedOn: string; endedOn: string | null }[] = [];
  for (const kind of ['enterprise', 'individual'] as const) {
    for (const cohort of cohorts(kind, scale, today)) {
      for (let index = 0; index < cohort.count; index++) {
        const foundedOn = foundingDay(random, cohort.founded);
        let endedOn: string | null = null;
        if (cohort.ended) {
          const from = Math.max(dayNumber(cohort.ended[0]), dayNumber(foundedOn) + 1);
          endedOn = dayString(random.int(from, Math.max(from, dayNumber(cohort.ended[1]))));
        }
        specs.push({ kind, foundedOn, endedOn });
      }
    }
  }
  specs.sort((a, b) => (a.foundedOn < b.foundedOn ? -1 : a.foundedOn > b.foundedOn ? 1 : 0));

  const categories = new Array<BusinessCategory>(specs.length).fill('other');
  for (const kind of ['enterprise', 'individual'] as const) {
    const pool = random.shuffle(specs.flatMap((spec, index) => (spec.kind === kind && spec.endedOn === null ? [index] : [])));
    let next = 0;
    for (const population of demoPopulations) {
      for (let count = 0; count < population[kind] * scale; count++) categories[pool[next++] as number] = population.category;
    }
  }

  const licenceSerials = new Map<BusinessCategory, number>();
  const nextLicenceSerial = (category: BusinessCategory) => {
    const serial = (licenceSerials.get(category) ?? 0) + 1;
    licenceSerials.set(category, serial);
    return serial;
  };
  return specs.map((spec, serial) => {
    const category = categories[serial] as BusinessCategory;
    const industryCode =
      categoryIndustry[category]?.(random) ?? random.weighted(spec.kind === 'enterprise' ? enterpriseIndustries : individualIndustries);
    const streetIndex = random.int(0, demoStreets.length - 1);
    const street = demoStreets[streetIndex] as (typeof demoStreets)[number];
    const status: EntityStatus =
      spec.endedOn === null
        ? 'active'
        : random.weighted([
            ['cancelled', 85],
            ['revoked', 10],
            ['moved_out', 5],
          ] as const);
    const isShop = spec.kind === 'individual' || category === 'catering';
    return {
      kind: spec.kind,
      creditCode: creditCode(spec.kind, serial),
      name: nameFor(random, spec.kind, category, industryCode, street.name.replace(/街道$/, '')),
      legalRepName: personName(random),
      legalRepIdNumber: idNumber(random),
      phone: phoneNumber(random),
      industryCode,
      registeredCapitalWan:
        spec.kind === 'enterprise'
          ? `${random.weighted([
              [10, 10],
              [50, 20],
              [100, 30],
              [200, 10],
              [500, 15],
              [1000, 10],
              [5000, 5],
            ] as const)}.0000`
          : random.int(1, 4) === 1
            ? `${random.int(1, 50)}.0000`
            : null,
      foundedOn: spec.foundedOn,
      status,
      endedOn: spec.endedOn,
      address: `浙江省宁波市明州区${random.pick(street.roads)}${random.int(1, 999)}号${isShop ? random.pick(['', '', '1楼', '商铺', `${random.int(1, 30)}幢`]) : random.pick(['', `${random.int(1, 30)}幢`, `${random.int(101, 2508)}室`])}`,
      streetIndex,
      communityIndex: random.int(0, street.communities.length - 1),
      ...placeInStreet(streetIndex, random.float(), random.float()),
      category,
      licences: licencesFor(random, category, spec.foundedOn, today, nextLicenceSerial(category)),
    };
  });
}
