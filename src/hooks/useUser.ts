/** The signed-in user as the session store has it, without signing anybody in (useSession does that). */
import { useSyncExternalStore } from 'react';
import type { User } from '../../core/contract';
import { getUser, subscribe } from '../api/session';

export const useUser = (): User | null => useSyncExternalStore(subscribe, getUser, getUser);
