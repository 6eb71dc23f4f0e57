/** The Clock port on the machine's clock: the self-hosted server and the cloud functions both run on Node. */
import type { Clock } from '../../core/app/ports';

export const systemClock: Clock = { now: () => Date.now() };
