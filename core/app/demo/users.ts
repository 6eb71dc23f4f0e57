/**
 * Demo accounts (all `demo: true`): a reporter for every unit, leaders for some units,
 * and one supervisor, one city leader and one admin. Names are made up.
 */
import type { UserRecord } from '../ports';
import { demoCity } from './city';
import { demoUnits, type DemoUnitKey } from './units';

const reporters: Record<DemoUnitKey, string> = {
  dongcheng: '陈晓燕',
  xicheng: '王建军',
  jiangnan: '李丽娟',
  shizhu: '胡志强',
  gushan: '应晓峰',
  zhiying: '徐美芳',
  xiangzhu: '吕国平',
  longshan: '程红霞',
  devZone: '施伟明',
  hiTech: '周文斌',
  fangyan: '朱海燕',
  zhongtai: '楼建华',
  atv: '杜佳琪',
  fagai: '林志远',
  zhaoshang: '金晓东',
  jingxin: '黄雅琴',
  zhujian: '俞国庆',
  jiaotong: '潘立新',
  ziranziyuan: '章慧敏',
  jinrong: '郑思远',
};

const unitLeaders: Partial<Record<DemoUnitKey, string>> = {
  dongcheng: '吴卫东',
  shizhu: '卢建新',
  // The town the demo's monthly 通报 flag (./monthly.ts): its leader receives the 约谈 notices.
  xiangzhu: '陶国良',
  devZone: '葛永明',
  zhongtai: '马成林',
  fagai: '叶振华',
  zhaoshang: '何海涛',
  jingxin: '孙立群',
};

export const demoUserIds = {
  supervisor: 'demo-supervisor',
  leader: 'demo-leader',
  admin: 'demo-admin',
  reporter: (unit: DemoUnitKey) => `demo-reporter-${unit}`,
  unitLeader: (unit: DemoUnitKey) => `demo-leader-${unit}`,
};

export function buildDemoUsers(cityId: string = demoCity.id): UserRecord[] {
  const users: UserRecord[] = [];
  for (const [key, name] of Object.entries(reporters) as [DemoUnitKey, string][]) {
    users.push({
      id: demoUserIds.reporter(key),
      name,
      role: 'reporter',
      cityId,
      unitId: demoUnits[key].id,
      demo: true,
    });
  }
  for (const [key, name] of Object.entries(unitLeaders) as [DemoUnitKey, string][]) {
    users.push({
      id: demoUserIds.unitLeader(key),
      name,
      role: 'unit_leader',
      cityId,
      unitId: demoUnits[key].id,
      demo: true,
    });
  }
  users.push(
    { id: demoUserIds.supervisor, name: '赵敏', role: 'supervisor', cityId, unitId: null, demo: true },
    { id: demoUserIds.leader, name: '钱振国', role: 'leader', cityId, unitId: null, demo: true },
    { id: demoUserIds.admin, name: '冯晓丽', role: 'admin', cityId, unitId: null, demo: true },
  );
  return users;
}
