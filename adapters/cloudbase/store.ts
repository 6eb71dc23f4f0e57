/**
 * The Store port on the WeChat cloud database (wx-server-sdk 4.x): `createCloudStore({ db })` with the
 * host's `cloud.database()`. Collections and document shapes: ./collections.ts; the post path: ./commit-post.ts.
 * Functions use admin rights; clients are locked out by ./security-rules.json; ./indexes.json lists the
 * indexes the queries need.
 */
import { randomUUID } from 'node:crypto';
import type { Store } from '../../core/app/ports';
import { getCurrentCampaignId, loadCampaign, saveCampaign, setCurrentCampaignId } from './campaigns';
import { commitPost, type CommitOptions } from './commit-post';
import { figuresAsOf, latestFigures, unitDailyFigures } from './figures';
import { deleteSession, getSession, getUser, listUsers, putSession, putUser } from './people';
import { listPosts } from './posts';
import { dataVersion } from './versions';
import type { WxDatabase } from './wx-types';

export interface CloudStoreOptions extends Partial<CommitOptions> {
  db: WxDatabase;
}

export function createCloudStore({ db, ...options }: CloudStoreOptions): Store {
  const commit: CommitOptions = {
    newId: options.newId ?? (() => randomUUID().replace(/-/g, '')),
    runs: options.runs ?? 5,
    rounds: options.rounds ?? 6,
    backoffMs: options.backoffMs ?? 40,
  };
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
    commitPost: (draft, decide) => commitPost(db, commit, draft, decide),
    listPosts: (query) => listPosts(db, query),
    latestFigures: (campaignId) => latestFigures(db, campaignId),
    figuresAsOf: (campaignId, day) => figuresAsOf(db, campaignId, day),
    unitDailyFigures: (campaignId, unitId) => unitDailyFigures(db, campaignId, unitId),
    dataVersion: (campaignId) => dataVersion(db, campaignId),
  };
}
