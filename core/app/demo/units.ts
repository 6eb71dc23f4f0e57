/**
 * The demo city's competing units in three divisions (DOMAIN.md "The demo campaign").
 * Town names sound like the article's county; the three 小镇 are the article's own.
 */
import type { Unit } from '../../contract';

export const divisions = {
  towns: '乡镇街道',
  platforms: '功能平台',
  departments: '市直部门',
} as const;

const unit = (id: string, name: string, division: string): Unit => ({ id, name, division });

export const demoUnits = {
  dongcheng: unit('u-dongcheng', '东城街道', divisions.towns),
  xicheng: unit('u-xicheng', '西城街道', divisions.towns),
  jiangnan: unit('u-jiangnan', '江南街道', divisions.towns),
  shizhu: unit('u-shizhu', '石柱镇', divisions.towns),
  gushan: unit('u-gushan', '古山镇', divisions.towns),
  zhiying: unit('u-zhiying', '芝英镇', divisions.towns),
  xiangzhu: unit('u-xiangzhu', '象珠镇', divisions.towns),
  longshan: unit('u-longshan', '龙山镇', divisions.towns),

  devZone: unit('u-dev-zone', '经济开发区', divisions.platforms),
  hiTech: unit('u-hi-tech', '现代农业装备高新区', divisions.platforms),
  fangyan: unit('u-fangyan', '赫灵方岩小镇', divisions.platforms),
  zhongtai: unit('u-zhongtai', '众泰汽车小镇', divisions.platforms),
  atv: unit('u-atv', 'ATV酷玩小镇', divisions.platforms),

  fagai: unit('u-fagai', '市发改局', divisions.departments),
  zhaoshang: unit('u-zhaoshang', '市招商局', divisions.departments),
  jingxin: unit('u-jingxin', '市经信局', divisions.departments),
  zhujian: unit('u-zhujian', '市住建局', divisions.departments),
  jiaotong: unit('u-jiaotong', '市交通运输局', divisions.departments),
  ziranziyuan: unit('u-ziranziyuan', '市自然资源和规划局', divisions.departments),
  jinrong: unit('u-jinrong', '市金融办', divisions.departments),
} satisfies Record<string, Unit>;

export type DemoUnitKey = keyof typeof demoUnits;
export const demoUnitList: Unit[] = Object.values(demoUnits);
