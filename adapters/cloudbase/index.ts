// The CloudBase adapters: the Store on the wx-server-sdk database, and what deploying it needs.
export { createCloudStore, type CloudStoreOptions } from './store';
export { ensureCollections } from './setup';
export { collections } from './collections';
export type { WxDatabase } from './wx-types';
