/**
 * The Store port on the WeChat cloud database (wx-server-sdk 4.x): `createCloudStore({ db })` with the
 * host's `cloud.database()`. Collections and document shapes: ./collections.ts; the post path: ./commit-post.ts.
 * Functions use admin rights; clients are locked out by ./security-rules.json; ./indexes.json lists the
 * indexes the queries need.
 */
import { randomUUID } from 'node:crypto';
import type { Store } from '../../core/app/ports';
import { getCurrentCampaignId, loadCampaign, saveCampaign, setCurrentCampaignId } from './campaigns';
import { commitPost } from './commit-post';
import { figuresAsOf, lastPostDays, latestFigures, unitDailyFigures } from './figures';
import { createInvite, redeemInvite } from './invites';
import {
  addNotification,
  countUnread,
  listNotifications,
  markRead,
  setNotificationChannel,
} from './notifications';
import {
  addSubscribeCredits,
  getUser,
  getUserByAccount,
  getUserByOpenid,
  listUsers,
  putUser,
} from './people';
import { addPhotoChecks, flagPost, getPhotoCheck } from './photo-checks';
import { listPosts } from './posts';
import { storedDedupeKeys } from './reminder-keys';
import { deleteSession, deleteUserSessions, getSession, putSession } from './sessions';
import { defaultRetry, withRetries, type RetryPolicy } from './transaction';
import { campaignVersion, dataVersion } from './versions';
import type { WxDatabase } from './wx-types';

export interface CloudStoreOptions {
  db: WxDatabase;
  /** Ids of new posts (default: random). */
  newId?: () => string;
  /** How every transaction retries conflicts (./transaction.ts). */
  retry?: Partial<RetryPolicy>;
}

export function createCloudStore(options: CloudStoreOptions): Store {
  const newId = options.newId ?? (() => randomUUID().replace(/-/g, ''));
  const db = withRetries(options.db, { ...defaultRetry, ...options.retry });
  return {
    saveCampaign: (data) => saveCampaign(db, data),
    loadCampaign: (campaignId) => loadCampaign(db, campaignId),
    getCurrentCampaignId: () => getCurrentCampaignId(db),
    setCurrentCampaignId: (campaignId) => setCurrentCampaignId(db, campaignId),
    putUser: (user) => putUser(db, user),
    getUser: (userId) => getUser(db, userId),
    listUsers: (filter) => listUsers(db, filter),
    putSession: (session) => putSession(db, session),
    getSession: (token) => getSession(db, token),
    deleteSession: (token) => deleteSession(db, token),
    commitPost: (draft, decide) => commitPost(db, newId, draft, decide),
    listPosts: (query) => listPosts(db, query),
    latestFigures: (campaignId) => latestFigures(db, campaignId),
    figuresAsOf: (campaignId, day) => figuresAsOf(db, campaignId, day),
    unitDailyFigures: (campaignId, unitId) => unitDailyFigures(db, campaignId, unitId),
    dataVersion: (campaignId) => dataVersion(db, campaignId),
    campaignVersion: (campaignId) => campaignVersion(db, campaignId),
    lastPostDays: (campaignId) => lastPostDays(db, campaignId),
    getUserByOpenid: (openid) => getUserByOpenid(db, openid),
    getUserByAccount: (account) => getUserByAccount(db, account),
    createInvite: (invite) => createInvite(db, invite),
    redeemInvite: (code, userId, at) => redeemInvite(db, code, userId, at),
    deleteUserSessions: (userId) => deleteUserSessions(db, userId),
    addNotification: (n) => addNotification(db, n),
    setNotificationChannel: (id, channel, outcome) => setNotificationChannel(db, id, channel, outcome),
    listNotifications: (query) => listNotifications(db, query),
    countUnread: (userId) => countUnread(db, userId),
    markRead: (userId, ids, at) => markRead(db, userId, ids, at),
    addSubscribeCredits: (userId, deltas) => addSubscribeCredits(db, userId, deltas),
    storedDedupeKeys: (keys) => storedDedupeKeys(db, keys),
    addPhotoChecks: (checks) => addPhotoChecks(db, checks),
    getPhotoCheck: (traceId) => getPhotoCheck(db, traceId),
    flagPost: (postId, hidePhoto) => flagPost(db, postId, hidePhoto),
  };
}
