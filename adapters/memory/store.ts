/**
 * A small, faithful in-memory Store: the app's tests run on it, and it passes the one Store contract
 * suite (tests/store-contract.ts). commitPost is atomic because it never awaits between reading the
 * latest figures and writing: JavaScript runs it to the end before any other call. Records are copied
 * in and out so callers can never change what is stored.
 */
import type { Day } from '../../core/contract';
import type { CampaignData, PostRecord, Store } from '../../core/app/ports';
import { createFeed } from './feed';
import { createFigures } from './figures';
import { createNotifications } from './notifications';
import { createPeople } from './people';
import { createPhotoChecks } from './photo-checks';

interface CampaignState {
  feed: ReturnType<typeof createFeed>;
  figures: ReturnType<typeof createFigures>;
  /** Each unit's day of its latest post. */
  lastPost: Map<string, Day>;
}

export function createMemoryStore(): Store {
  const campaigns = new Map<string, CampaignData>();
  const state = new Map<string, CampaignState>();
  const versions = new Map<string, number>();
  const campaignVersions = new Map<string, number>();
  const people = createPeople();
  const notifications = createNotifications();
  const byRequest = new Map<string, PostRecord>();
  const byId = new Map<string, PostRecord>();
  const photoChecks = createPhotoChecks((postId) => byId.get(postId));
  let current: string | null = null;
  let seq = 0;

  const of = (campaignId: string): CampaignState => {
    let s = state.get(campaignId);
    if (!s) {
      s = { feed: createFeed(), figures: createFigures(), lastPost: new Map() };
      state.set(campaignId, s);
    }
    return s;
  };
  const bump = (campaignId: string) => versions.set(campaignId, (versions.get(campaignId) ?? 0) + 1);
  const requestKey = (authorId: string, requestId: string) => `${authorId}\u0000${requestId}`;

  return {
    async saveCampaign(data) {
      campaigns.set(data.campaign.id, structuredClone(data));
      bump(data.campaign.id);
      campaignVersions.set(data.campaign.id, (campaignVersions.get(data.campaign.id) ?? 0) + 1);
    },
    async loadCampaign(campaignId) {
      const data = campaigns.get(campaignId);
      return data ? structuredClone(data) : null;
    },
    async getCurrentCampaignId() {
      return current;
    },
    async setCurrentCampaignId(campaignId) {
      current = campaignId;
    },

    async putUser(user) {
      people.putUser(user);
    },
    async getUser(userId) {
      return people.getUser(userId);
    },
    async listUsers(filter) {
      return people.listUsers(filter);
    },
    async putSession(session) {
      people.putSession(session);
    },
    async getSession(token) {
      return people.getSession(token);
    },
    async deleteSession(token) {
      people.deleteSession(token);
    },

    // No await inside: the read of the latest figures and the writes form one atomic step.
    async commitPost(draft, decide) {
      const rk = requestKey(draft.authorId, draft.requestId);
      const first = byRequest.get(rk);
      if (first) return { ok: true, post: structuredClone(first), replayed: true };
      const s = of(draft.campaignId);
      const decided = decide(s.figures.unitLatest(draft.unitId));
      if (!decided.ok) return { ok: false, error: decided.error };
      seq += 1;
      const post: PostRecord = {
        ...structuredClone(draft),
        id: `post-${seq}`,
        figures: structuredClone(decided.figures),
      };
      s.feed.add(post, seq);
      s.figures.write(post.unitId, post.day, post.figures);
      const last = s.lastPost.get(post.unitId);
      if (last === undefined || post.day > last) s.lastPost.set(post.unitId, post.day);
      byRequest.set(rk, post);
      byId.set(post.id, post);
      bump(draft.campaignId);
      return { ok: true, post: structuredClone(post), replayed: false };
    },
    async listPosts({ campaignId, ...query }) {
      return of(campaignId).feed.page(query);
    },
    async latestFigures(campaignId) {
      return of(campaignId).figures.latest();
    },
    async figuresAsOf(campaignId, day) {
      return of(campaignId).figures.asOf(day);
    },
    async unitDailyFigures(campaignId, unitId) {
      return of(campaignId).figures.unitDaily(unitId);
    },
    async dataVersion(campaignId) {
      return versions.get(campaignId) ?? 0;
    },
    async campaignVersion(campaignId) {
      return campaignVersions.get(campaignId) ?? 0;
    },
    async lastPostDays(campaignId) {
      return new Map(of(campaignId).lastPost);
    },

    async getUserByOpenid(openid) {
      return people.findUser('openid', openid);
    },
    async getUserByAccount(account) {
      return people.findUser('account', account);
    },
    async createInvite(invite) {
      people.createInvite(invite);
    },
    async redeemInvite(code, userId, at) {
      return people.redeemInvite(code, userId, at);
    },
    async deleteUserSessions(userId) {
      people.deleteUserSessions(userId);
    },

    async addNotification(n) {
      return notifications.add(n);
    },
    async setNotificationChannel(id, channel, outcome) {
      notifications.setChannel(id, channel, outcome);
    },
    async listNotifications(query) {
      return notifications.list(query);
    },
    async countUnread(userId) {
      return notifications.countUnread(userId);
    },
    async markRead(userId, ids, at) {
      notifications.markRead(userId, ids, at);
    },
    async addSubscribeCredits(userId, deltas) {
      return people.addCredits(userId, deltas);
    },
    async storedDedupeKeys(keys) {
      return notifications.storedKeys(keys);
    },

    async addPhotoChecks(checks) {
      photoChecks.add(checks);
    },
    async getPhotoCheck(traceId) {
      return photoChecks.get(traceId);
    },
    async flagPost(postId, hidePhoto) {
      return photoChecks.flag(postId, hidePhoto);
    },
  };
}
