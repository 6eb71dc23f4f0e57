/** What a user may do with a 书面说明 (the server checks again; this only decides what to offer). */
import type { Explanation, User } from '../../../../../core/contract';

export type ExplanationStep = 'submit' | 'decide' | 'wait_leader' | null;

export function stepOf(user: User, e: Explanation): ExplanationStep {
  const open = e.status === 'requested' || e.status === 'returned';
  if (open && user.unitId === e.unitId) return user.role === 'unit_leader' ? 'submit' : 'wait_leader';
  if (e.status === 'submitted' && user.role === 'supervisor') return 'decide';
  return null;
}
