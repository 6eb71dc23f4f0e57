// The CloudBase adapters: the Store on the wx-server-sdk database, subscription messages, msgSecCheck,
// cloud-storage URLs, the deps a cloud function wires from `cloud`, and what deploying them needs.
export { createCloudStore, type CloudStoreOptions } from './store';
export { createSubscribeNotifier, type SubscribeTemplate } from './notifier';
export { createMsgSecGuard } from './guard';
export { createCloudFiles } from './files';
export { createCloudDeps, type CloudDeps } from './cloud-deps';
export { readCloudSettings, type CloudSettings } from './cloud-settings';
export { ensureCollections } from './setup';
export { collections } from './collections';
export type { WxDatabase } from './wx-types';
export type { WxCloud } from './cloud-types';
