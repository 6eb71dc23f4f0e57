/**
 * A small, faithful in-memory Store: the app's tests run on it, and it passes the one Store contract
 * suite (tests/store-contract.ts). commitPost is atomic because it never awaits between reading the
 * latest figures and writing: JavaScript runs it to the end before any other call. Records are copied
 * in and out so callers can never change what is stored.
 */
import type { CampaignData, PostRecord, SessionRecord, Store, UserRecord } from '../../core/app/ports';
import { createFeed } from './feed';
import { createFigures } from './figures';

interface CampaignState {
  feed: ReturnType<typeof createFeed>;
  figures: ReturnType<typeof createFigures>;
}

export function createMemoryStore(): Store {
  const campaigns = new Map<string, CampaignData>();
  const state = new Map<string, CampaignState>();
  const versions = new Map<string, number>();
  const users = new Map<string, UserRecord>();
  const sessions = new Map<string, SessionRecord>();
  const byRequest = new Map<string, PostRecord>();
  let current: string | null = null;
  let seq = 0;

  const of = (campaignId: string): CampaignState => {
    let s = state.get(campaignId);
    if (!s) {
      s = { feed: createFeed(), figures: createFigures() };
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
      users.set(user.id, { ...user });
    },
    async getUser(userId) {
      const u = users.get(userId);
      return u ? { ...u } : null;
    },
    async listUsers(filter) {
      const all = [...users.values()];
      const wanted = filter?.demo === undefined ? all : all.filter((u) => (u.demo === true) === filter.demo);
      return wanted.map((u) => ({ ...u }));
    },
    async putSession(session) {
      sessions.set(session.token, { ...session });
    },
    async getSession(token) {
      const s = sessions.get(token);
      return s ? { ...s } : null;
    },
    async deleteSession(token) {
      sessions.delete(token);
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
      byRequest.set(rk, post);
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
  };
}
