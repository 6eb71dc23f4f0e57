/** Node implementations of the core's small ports: scrypt passwords, ids from node:crypto, a local word-list guard. */
export { createScryptPasswords, type ScryptParams } from './passwords';
export { nodeIds } from './ids';
export { createLocalGuard, defaultReviewWords, defaultRiskyWords, foldText, type LocalGuardOptions } from './guard';
