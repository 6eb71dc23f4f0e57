/** Short site updates for the demo feed, by track, in the voice of a unit's reporter. */
import type { Rng } from './prng';
import { demoTracks } from './metrics';

const updates: Record<string, readonly string[]> = {
  [demoTracks.gongjian.id]: [
    '项目现场机器轰鸣，三班倒抢抓工期，主体工程比计划提前一周。',
    '联系市领导带队现场办公，当场协调解决了用地报批问题。',
    '督导员蹲点服务，项目供电线路迁改本周完成。',
    '两个续建项目完成设备安装，正在联合调试。',
    '召开项目推进例会，逐项对照清单销号。',
    '新开工项目场地平整完成，桩基施工全面铺开。',
    '难题破解专班进驻现场，政策处理问题已签约清零。',
  ],
  [demoTracks.zhaoshang.id]: [
    '赴上海参加浙商回归恳谈会，与3家企业达成投资意向。',
    '签约项目资金分批到位，企业已完成工商注册。',
    '接待客商考察团，推介“五大百亿”产业项目库。',
    '与央企对接洽谈合作，形成初步合作框架。',
    '重点招商项目实行“一个项目、一名联系领导”跟踪服务。',
  ],
  [demoTracks.fuwu.id]: [
    '入企走访12家企业，现场解答政策问题，收集诉求5条。',
    '开展政策宣讲会，发放政策读本200余册。',
    '“机器换人”项目新增工业机器人投入使用，生产效率提升明显。',
    '技改项目网上直报完成培训，企业填报率稳步提升。',
    '协调银行为困难企业办理应急转贷，缓解资金压力。',
    '外贸企业订单饱满，出口交货值保持增长。',
    '“一对一”帮扶方案落实到位，帮扶企业恢复正常生产。',
  ],
};

export function demoPostText(rng: Rng, trackId: string): string {
  return rng.pick(updates[trackId] ?? updates[demoTracks.gongjian.id] ?? ['今日工作有序推进。']);
}

export const correctionReasons = [
  '上次误将计划数填为完成数，现予更正。',
  '经统计部门核实，调减重复计入的投资额。',
  '部分资金尚未实际到位，按核实数更正。',
] as const;
