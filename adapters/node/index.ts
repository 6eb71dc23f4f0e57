/**
 * Node implementations of the core's small ports: scrypt passwords, ids from node:crypto, the system clock,
 * a local word-list guard. Shared by every host that runs on Node (the server and the cloud functions).
 */
export { createScryptPasswords, type ScryptParams } from './passwords';
export { nodeIds } from './ids';
export { systemClock } from './clock';
export {
  createLocalGuard,
  defaultReviewWords,
  defaultRiskyWords,
  foldText,
  type LocalGuardOptions,
} from './guard';
