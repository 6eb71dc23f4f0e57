// The CloudBase adapters: the Store on the wx-server-sdk database, subscription messages, msgSecCheck,
// cloud-storage URLs, and what deploying them needs. The cloud functions wire them in cloud/ (the host).
export { createCloudStore, type CloudStoreOptions } from './store';
export { createSubscribeNotifier, type SubscribeTemplate } from './notifier';
export { createMsgSecGuard } from './guard';
export { createCloudFiles } from './files';
export { ensureCollections } from './setup';
export { collections } from './collections';
export type { WxDatabase } from './wx-types';
export type { WxCloud } from './cloud-types';
