/**
 * The contract's words for roles and lights, for what the first screen draws (the role chooser, the light
 * on a post card) without parsing the contract's schemas first: the browser loads those with the first
 * request (api/contract.h5.ts). names.test.ts holds every word equal to core/contract's.
 */
import type { Light, Role } from '../../core/contract';

/** In the contract's order. */
export const roles: readonly Role[] = ['reporter', 'unit_leader', 'supervisor', 'leader', 'admin'];

export const roleNames: Record<Role, string> = {
  reporter: '填报员',
  unit_leader: '单位负责人',
  supervisor: '督办员',
  leader: '市领导',
  admin: '管理员',
};

export const lightNames: Record<Light, string> = { green: '正常', yellow: '预警', red: '滞后', done: '完成' };
