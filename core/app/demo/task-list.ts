/**
 * The demo campaign's 挂图作战 list (seed/sanbai-campaign-article.txt; DOMAIN.md "The demo campaign"): the
 * tasks each track's article section names. The 31 projects with the 38 problems to crack are in
 * projects.ts. DEMO DATA: the article gives the targets; the project names, the contact city leaders and
 * the deadlines are made up. Days are offsets from the demo's today (day 41 of 100: -40 is the first day,
 * +59 the last).
 */
import type { ProblemCategory, ProblemStatus } from '../../contract';
import { demoLengthDays, demoDaysElapsed } from './campaign';
import type { DemoMetricKey } from './metrics';
import type { DemoUnitKey } from './units';

/** Days from the demo's today; negative is before it. */
export type Offset = number;

/** The campaign's last day, as an offset from the demo's today. */
export const lastDay: Offset = demoLengthDays - demoDaysElapsed - 1;

/** One later step of a problem: the day, the status it moves to, and the note (made up when absent). */
export type StepSpec = [Offset, ProblemStatus, string?];

export interface ProblemSpec {
  unit: DemoUnitKey;
  category: ProblemCategory;
  title: string;
  detail: string;
  raised: Offset;
  /** Raised by the supervisor on a 督查 visit rather than by the unit. */
  raisedBySupervisor?: boolean;
  due: Offset;
  steps: StepSpec[];
}

export interface TaskSpec {
  key: string;
  track: 'gongjian' | 'zhaoshang' | 'fuwu';
  lead: DemoUnitKey;
  /** Responsible units besides the lead unit. */
  also: DemoUnitKey[];
  title: string;
  content: string;
  target: string;
  deadline: Offset;
  metric: DemoMetricKey | null;
  /** The day a supervisor marked it done. */
  done?: Offset;
  problems?: ProblemSpec[];
}

export const townKeys: DemoUnitKey[] = [
  'dongcheng',
  'xicheng',
  'jiangnan',
  'shizhu',
  'gushan',
  'zhiying',
  'xiangzhu',
  'longshan',
];
const platformKeys: DemoUnitKey[] = ['devZone', 'hiTech'];
const smallTownKeys: DemoUnitKey[] = ['fangyan', 'zhongtai', 'atv'];

/** DEMO DATA: made-up names of the contact city leaders (联系市领导), by the task's lead unit. */
export const contactLeaderOf: Record<DemoUnitKey, string> = {
  dongcheng: '沈立国',
  xicheng: '沈立国',
  jiangnan: '沈立国',
  shizhu: '方志宏',
  gushan: '方志宏',
  zhiying: '方志宏',
  xiangzhu: '方志宏',
  longshan: '方志宏',
  devZone: '严丽君',
  hiTech: '严丽君',
  fangyan: '邵建波',
  zhongtai: '邵建波',
  atv: '邵建波',
  fagai: '钱振国',
  zhaoshang: '严丽君',
  jingxin: '倪海平',
  jinrong: '倪海平',
  zhujian: '邵建波',
  jiaotong: '邵建波',
  ziranziyuan: '邵建波',
};

const town = (lead: DemoUnitKey, name: string, invest: string): TaskSpec => ({
  key: `gj-town-${lead}`,
  track: 'gongjian',
  lead,
  also: [],
  title: `${name}建设`,
  content: '以特色小镇创建为载体，加快小镇核心区项目建设，提高特色产业投资比重。',
  target: `完成投资${invest}亿元，特色产业投资占比达到60%`,
  deadline: lastDay,
  metric: 'townInvest',
});

/** 百日攻坚 tasks besides the 31 projects. */
const gongjian: TaskSpec[] = [
  {
    key: 'gj-major',
    track: 'gongjian',
    lead: 'fagai',
    also: [...townKeys, ...platformKeys],
    title: '15项全省集中开工重大项目投资冲刺',
    content:
      '对照全省集中开工重大项目清单，逐个项目倒排工期、挂图作战，实行每月例会、每月督查通报，确保攻坚期内投资按序时完成。',
    target: '完成投资18.2亿元，开工率、入库率均达到100%',
    deadline: lastDay,
    metric: 'majorInvest',
  },
  {
    key: 'gj-411',
    track: 'gongjian',
    lead: 'fagai',
    also: platformKeys,
    title: '省411重大项目和省重点建设项目推进',
    content: '落实市领导联系重点项目制度和项目督导员制度，健全“六个一”工作机制，开展逐个项目蹲点服务。',
    target: '投资完成率达到120%以上，开工率100%',
    deadline: lastDay,
    metric: 'keyRate',
  },
  {
    key: 'gj-gov',
    track: 'gongjian',
    lead: 'fagai',
    also: ['zhujian', 'jiaotong'],
    title: '市本级政府投资项目推进',
    content: '对市本级政府投资项目实行限期督办，推行现场办公、销号管理，加快前期审批和招投标进度。',
    target: '投资完成率达到100%，开工率达到90%',
    deadline: lastDay,
    metric: 'govInvestRate',
  },
  town('fangyan', '赫灵方岩小镇', '2.2'),
  town('zhongtai', '众泰汽车小镇', '12'),
  town('atv', 'ATV酷玩小镇', '5'),
  {
    key: 'gj-prep',
    track: 'gongjian',
    lead: 'fagai',
    also: ['ziranziyuan', 'zhujian', 'jiaotong'],
    title: '13项重大项目前期工作集中攻坚',
    content: '逐项明确立项、用地、规划、环评等前期手续的完成时限，实行清单管理、限期办结。',
    target: '13项重大项目完成前期工作，具备开工条件',
    deadline: lastDay,
    metric: 'prepWork',
  },
  {
    key: 'gj-plan',
    track: 'gongjian',
    lead: 'fagai',
    also: [],
    title: '编制重大项目三年行动计划',
    content: '围绕“五大百亿”产业和城市功能提升，谋划储备一批重大项目，编制三年行动计划。',
    target: '形成重大项目三年行动计划送审稿',
    deadline: 40,
    metric: null,
  },
  {
    key: 'gj-town-policy',
    track: 'gongjian',
    lead: 'fagai',
    also: smallTownKeys,
    title: '特色小镇扶持政策和第一批创建名单',
    content:
      '制定出台《关于加快特色小镇规划建设财政扶持政策的实施细则》等4个文件，公布市本级第一批特色小镇创建名单，营造创建氛围。',
    target: '出台4个政策文件，公布第一批创建名单',
    deadline: -10,
    metric: null,
    done: -12,
  },
];

/** 百日招商 tasks. */
const zhaoshang: TaskSpec[] = [
  {
    key: 'zs-zheshang',
    track: 'zhaoshang',
    lead: 'zhaoshang',
    also: [...townKeys, ...platformKeys, ...smallTownKeys],
    title: '浙商回归引进到位资金',
    content: '围绕“五大百亿”项目库开展招商推介，动态充实浙商回归项目储备，多渠道引进省外资本回归。',
    target: '浙商回归到位资金33亿元',
    deadline: lastDay,
    metric: 'zheshang',
  },
  {
    key: 'zs-big',
    track: 'zhaoshang',
    lead: 'zhaoshang',
    also: ['devZone'],
    title: '引进投资15亿元以上特别重大项目',
    content: '按照“一个项目、一名联系领导、一个责任单位、一名责任人”的要求一抓到底，每月通报进展。',
    target: '引进1项投资15亿元以上特别重大项目',
    deadline: lastDay,
    metric: 'bigProject',
  },
  {
    key: 'zs-soe-sign',
    track: 'zhaoshang',
    lead: 'zhaoshang',
    also: [],
    title: '央企合作项目签约',
    content: '抓央企（国企）合作与对接，推动在谈合作项目尽快签约落地。',
    target: '新增签约1个央企合作项目',
    deadline: 45,
    metric: 'soeSigned',
  },
  {
    key: 'zs-soe-plan',
    track: 'zhaoshang',
    lead: 'zhaoshang',
    also: platformKeys,
    title: '谋划央企对接合作项目',
    content: '梳理我市产业基础和平台资源，谋划一批与央企对接合作的项目。',
    target: '谋划3个以上央企对接合作项目',
    deadline: 30,
    metric: 'soePlanned',
  },
  {
    key: 'zs-pool',
    track: 'zhaoshang',
    lead: 'zhaoshang',
    also: platformKeys,
    title: '“五大百亿”项目库招商推介',
    content:
      '集中展示和推介三大支柱产业和投资环境，对项目库实行动态管理，洽谈对接一批符合产业发展导向的重大产业项目。',
    target: '举办专题招商推介活动2场以上，项目库每月更新',
    deadline: lastDay,
    metric: null,
  },
  {
    key: 'zs-foreign',
    track: 'zhaoshang',
    lead: 'zhaoshang',
    also: ['devZone'],
    title: '外资项目招引',
    content: '拓展招商路径，加强与境外商协会对接，引进一批外资项目。',
    target: '新引进外资项目2个以上',
    deadline: lastDay,
    metric: null,
  },
];

/** 百日服务 tasks. */
const fuwu: TaskSpec[] = [
  {
    key: 'fw-policy',
    track: 'fuwu',
    lead: 'jingxin',
    also: townKeys,
    title: '政策解读服务进企业',
    content:
      '通过发放政策读本、开展政策宣讲、入企走访等渠道，为企业提供面对面的政策解读，帮助企业用好、用足各项政策。',
    target: '规上企业走访全覆盖，举办政策宣讲会10场以上',
    deadline: lastDay,
    metric: null,
  },
  {
    key: 'fw-help',
    track: 'fuwu',
    lead: 'jingxin',
    also: ['jinrong'],
    title: '困难企业“一对一”帮扶',
    content:
      '落实困难企业及困难项目帮扶责任制，制定“一对一”帮扶方案，通过兼并重组、资产重组、破产重整等措施帮扶解困。',
    target: '帮扶困难企业25家',
    deadline: lastDay,
    metric: 'helpedFirms',
  },
  {
    key: 'fw-direct',
    track: 'fuwu',
    lead: 'jingxin',
    also: [],
    title: '500万元以上技改项目网上直报',
    content: '建立和完善500万元以上技改、信息化项目网上直报系统，加强业务指导，为精准对接服务企业打好基础。',
    target: '直报系统上线运行，纳入直报项目40个',
    deadline: 20,
    metric: 'directReport',
  },
  {
    key: 'fw-robots',
    track: 'fuwu',
    lead: 'jingxin',
    also: [...townKeys, ...platformKeys],
    title: '“机器换人”技改补助',
    content: '落实机器换人技改补助政策，加快推进市级以上“机器换人”“两化”融合重点项目。',
    target: '新增工业机器人300台',
    deadline: lastDay,
    metric: 'robots',
  },
  {
    key: 'fw-tech',
    track: 'fuwu',
    lead: 'jingxin',
    also: [...townKeys, ...platformKeys],
    title: '工业技改投资',
    content: '提升项目审批效率，继续推进“零土地”技术改造项目实施。',
    target: '完成工业技改投资76.41亿元，增长16.2%以上',
    deadline: lastDay,
    metric: 'techInvest',
  },
  {
    key: 'fw-industrial',
    track: 'fuwu',
    lead: 'jingxin',
    also: [...townKeys, ...platformKeys, 'ziranziyuan'],
    title: '已签约入园项目落地开工',
    content:
      '建立工业投资项目领导干部联系制度和工业强镇投资督导机制，着力解决土地出让、政策处理、项目审批、基础设施配套等问题，退地后新替换的项目加快建设。',
    target: '完成工业投资96.7亿元，增长8.6%以上',
    deadline: lastDay,
    metric: 'industrialInvest',
  },
  {
    key: 'fw-value-added',
    track: 'fuwu',
    lead: 'jingxin',
    also: [...townKeys, ...platformKeys],
    title: '规上工业增加值',
    content: '加强工业经济运行监测，帮助企业稳产增产。',
    target: '完成规上工业增加值195.1亿元，增长7%',
    deadline: lastDay,
    metric: 'valueAdded',
  },
  {
    key: 'fw-exports',
    track: 'fuwu',
    lead: 'jingxin',
    also: [...townKeys, ...platformKeys],
    title: '外贸出口',
    content: '帮助外贸企业拓市场、抢订单，落实出口退税等政策。',
    target: '外贸出口达到273.51亿元，增长10%',
    deadline: lastDay,
    metric: 'exports',
  },
  {
    key: 'fw-finance',
    track: 'fuwu',
    lead: 'jinrong',
    also: ['jingxin'],
    title: '金融帮扶和应急转贷',
    content:
      '加强对跨区域、影响大、牵涉广的重点企业金融帮扶，全面落实主办行制度、延缓代偿、临时解封等措施，发挥应急转贷资金作用，减轻企业转贷压力。',
    target: '各项贷款余额比年初增加20亿元，不良贷款率控制在3.2%以内',
    deadline: lastDay,
    metric: 'loans',
  },
];

export const otherTaskSpecs: readonly TaskSpec[] = [...gongjian, ...zhaoshang, ...fuwu];
