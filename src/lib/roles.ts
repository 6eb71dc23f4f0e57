/** What a role may do in the app (the server checks again; this only decides what to offer). */
import type { Role, User } from '../../core/contract';

/** Reporters and unit leaders post for their own unit. */
export const canPost = (u: User): boolean =>
  (u.role === 'reporter' || u.role === 'unit_leader') && u.unitId !== null;

/** What each role does, in one sentence: the demo's role chooser says it before anyone picks. */
export const roleDuties: Record<Role, string> = {
  reporter: '为本单位晒进度、填报指标数据，收到提醒后及时更新。',
  unit_leader: '盯本单位的得分和排名，也能为本单位发布进展，接收约谈和说明通知。',
  supervisor: '核实各单位填报的数据，督办难题销号，发布月度通报。',
  leader: '在手机上看全市进展和排名，点评批示，标记典型。',
  admin: '设置竞赛、指标、目标和参赛单位，发放邀请码。',
};
