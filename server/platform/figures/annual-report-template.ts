/**
 * The annual work report's structure, after the bureau's 2020 work summary (../shared/seed, the brief's source):
 * sections by theme, and in them the sentences that carry figures. In a sentence, `{key}` is a figure's value,
 * `{key:wan}` yuan in 万元 (two decimals), `{key:whole}` a rate in whole percent, `{key:change}` the year-on-year
 * change in percent (two decimals, no sign), `{key:trend}` 增长/下降 and `{key:rise}` 上升/下降 by its sign, and
 * `[label]` a number the platform has no source for: it stays a highlighted placeholder for the office to fill.
 * Sentences marked `fromSeed` keep the summary's wording, so the 2020 report can be checked against it.
 */
export interface TemplateSentence {
  readonly text: string;
  readonly fromSeed: boolean;
}

export interface TemplateSection {
  readonly title: string;
  readonly sentences: readonly TemplateSentence[];
  /** Figures shown in a table by station under the section (their values in the report's year). */
  readonly stationTable?: readonly string[];
  /** A figure drawn month by month under the section, the year against the year before. */
  readonly chart?: { readonly key: string; readonly caption: string };
}

const seed = (text: string): TemplateSentence => ({ text, fromSeed: true });
const ours = (text: string): TemplateSentence => ({ text, fromSeed: false });

export const annualReportTemplate: readonly TemplateSection[] = [
  {
    title: '一、优化营商环境,释放市场供需活力',
    sentences: [
      seed(
        '全区共有各类在册市场主体{registry.entities}家,其中企业{registry.enterprises}家,个体户{registry.individuals}家,分别比去年同期{registry.enterprises:trend}{registry.enterprises:change}%和{registry.individuals:change}%,达到“保市场主体”预期目标。',
      ),
      ours('全年新设立市场主体{registry.registered}家,注销、吊销和迁出{registry.ended}家。'),
      seed('企业开办实现“零次跑动、零元成本、一个环节、一日办结”,营业执照、印章电子化发放,网办率达[网办率]%,注册效率不断提升。'),
      seed(
        '今年,通过专利质押融资达{product-quality.pledge-financing}万元,比去年同期增长[专利质押融资增幅]%,为全区企业经济高质量发展提供有力支撑。',
      ),
    ],
    chart: { key: 'registry.registered', caption: '新设立市场主体按月分布' },
  },
  {
    title: '二、聚力两手都抓,助力两战互惠共赢',
    sentences: [
      seed('利用小程序和二维码,完成[核验个体工商户数]余家个体工商户、[核验从业人员数]名从业人员的信息核验,做到精准防控;'),
      seed(
        '“两直”补助共受惠市场主体[“两直”受惠主体数]家,占全区在册市场主体的[“两直”受惠占比]%,兑付补助金额[“两直”兑付金额(万元)]万元,实现兑付率[“两直”兑付率]%,保质保量地完成国务院新增财政资金“直达市县基层、直接惠企利民”的要求;',
      ),
    ],
  },
  {
    title: '三、守住安全底线,保障经济运行有序',
    sentences: [
      seed(
        '目前,全局办结各类案件{enforcement.closed}件,其中大要案件{enforcement.major-closed}件,罚没款总额{enforcement.penalty-amount:wan}万元,其中大要案罚没款总额{enforcement.major-penalty-amount:wan}万元。',
      ),
      seed('受理消费者投诉举报案件{complaints.accepted}件,同比{complaints.accepted:rise}{complaints.accepted:change}%。'),
      seed('办结各类信访案件{complaints.petitions-closed}件,群众满意率达到{complaints.satisfaction:whole}%。'),
      seed('开展电梯、医用特种设备、压力容器等专项整治活动,多措并举提高辖区内特种设备定检率达[特种设备定检率]%。'),
      seed(
        '聚焦产业特色,坚持以问题为导向,突出运用“靶向式”抽查,锁定家具、灯具、成品油、儿童用品、防疫物品等{sampling.routine-categories}大类行业{sampling.routine-products}种商品,累计抽检生产和流通领域产品{sampling.routine-batches}批次,合格{sampling.routine-qualified}批次,合格率达到{sampling.routine-pass-rate:whole}%。',
      ),
      seed(
        '联合公安开展放心早餐专项执法行动,对全区{sampling.campaign-units}家早餐店{sampling.campaign-batches}批次早点进行专项抽检,共检出{sampling.campaign-unqualified-units}家单位{sampling.campaign-unqualified-batches}批次早点不合格,行政处罚{sampling.campaign-penalties}起,移交公安机关依法追究刑事责任{sampling.campaign-police-transfers}起。',
      ),
      seed(
        '在全区[零售药店数]家零售药店推行“阳光药师”考勤制度,确保药店合法合规开展药品经营活动,我区的药师考勤率达到[药师考勤率]%以上,居全市领先。',
      ),
      ours(
        '全年完成“双随机、一公开”抽查{random-inspections.done}户次,发现问题{random-inspections.problems}户次;开展餐饮食品安全检查{food-safety.inspections}次。',
      ),
    ],
    stationTable: [
      'complaints.accepted',
      'enforcement.closed',
      'enforcement.penalty-amount',
      'food-safety.inspections',
      'random-inspections.done',
    ],
    chart: { key: 'complaints.accepted', caption: '受理消费者投诉举报按月分布' },
  },
  {
    title: '四、打造质量强区,提升产业转型升级',
    sentences: [
      seed(
        '组织开展以紧固件行业为重点领域的产品质量风险监控,通过专项抽检{sampling.industrial-batches}批次,发现行业共性问题,出台《促进紧固件产业提升发展的若干意见》。',
      ),
      seed(
        '今年全区新增“品字标”企业{product-quality.brand-firms-new}家,认证发明专利申请{product-quality.invention-applications}件,授权{product-quality.invention-grants}件,商标申请量{product-quality.trademark-applications}件,注册量{product-quality.trademark-registrations}件,发放各项奖励补助资金{product-quality.awards-subsidies}万元,大幅度推进我区企业创优创牌、引领创新的发展新思潮。',
      ),
    ],
  },
  {
    title: '五、创新监管手段,营造放心消费环境',
    sentences: [
      seed('全年,新创建放心消费示范商店、网店[放心消费示范店数]家以上,放心工厂[放心工厂数]家。'),
      ours('全区已有{risk-code.coded-units}家餐饮单位赋食安“五色码”。'),
      seed(
        '目前,XX区已有{risk-code.certified-firms}家品字标企业共{risk-code.certified-products}个认证产品完成“品字码”的制作,进一步提升XX制造业的品质和形象,扩大XX制造业的影响力。',
      ),
      ours('全年开展食品小作坊评价{workshops.evaluations}次,最近一期红榜{workshops.red-list}家、黑榜{workshops.black-list}家。'),
    ],
  },
];
