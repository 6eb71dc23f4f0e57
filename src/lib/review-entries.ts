/**
 * What 我 offers of the monthly review (DOMAIN.md "The monthly review and its sanctions"): everyone reads
 * the published 通报; a unit's staff follow their own unit's 约谈, 书面说明 and 扣分; supervisors and city
 * leaders see every unit's. The server filters the lists by the same rule (core/app/reviews/shared.ts).
 */
import type { User } from '../../core/contract';
import { routes } from './routes';

export interface ReviewEntry {
  key: 'months' | 'interviews' | 'explanations' | 'ledger';
  title: string;
  /** Whose records the list holds, in a few words. */
  scope: string;
  url: string;
}

/** A reporter or unit leader of a unit: sees that unit's records only. */
export const isUnitStaff = (u: User): boolean =>
  (u.role === 'reporter' || u.role === 'unit_leader') && u.unitId !== null;

/** Supervisors and city leaders follow every unit. */
export const seesAllUnits = (u: User): boolean => u.role === 'supervisor' || u.role === 'leader';

export function reviewEntries(user: User): ReviewEntry[] {
  const months: ReviewEntry = {
    key: 'months',
    title: '月度通报',
    scope: '各月排名与约谈名单',
    url: routes.reviewMonths,
  };
  const scope = isUnitStaff(user) ? '本单位' : seesAllUnits(user) ? '全部单位' : null;
  if (scope === null) return [months];
  return [
    months,
    { key: 'interviews', title: '约谈', scope, url: routes.interviews() },
    { key: 'explanations', title: '书面说明', scope, url: routes.explanations() },
    { key: 'ledger', title: '考核扣分台账', scope, url: routes.ledger },
  ];
}
