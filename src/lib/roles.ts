/** What a role may do in the app (the server checks again; this only decides what to offer). */
import type { User } from '../../core/contract';

/** Reporters and unit leaders post for their own unit. */
export const canPost = (u: User): boolean =>
  (u.role === 'reporter' || u.role === 'unit_leader') && u.unitId !== null;
