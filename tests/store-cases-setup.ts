/**
 * Store contract cases for what an admin sets up: campaigns (saved whole, replaced whole, many side by
 * side, one chosen as current) and people (users with the demo filter, sessions).
 */
import type { CampaignData, UserRecord } from '../core/app/ports';
import type { SuiteContext } from './store-contract';
import { C1, C2, M, U, campaignData, commitOk, draft, users } from './store-fixtures';

const byId = (a: UserRecord, b: UserRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A second version of the campaign: renamed, reweighted, one unit dropped, one added, a metric changed. */
function revised(): CampaignData {
  const v = campaignData();
  v.campaign = { ...v.campaign, name: '三百攻坚（修订）', endDate: '2025-06-10', postEveryDays: 5 };
  v.campaign.weights = { performance: 50, speed: 20, quality: 10, effort: 10, contribution: 10 };
  v.tracks = v.tracks.map((t) => (t.id === 't-build' ? { ...t, name: '百日攻坚（扩围）' } : t));
  v.metrics = v.metrics.map((m) => (m.id === M.start ? { ...m, name: '项目开工率', direction: 'down' as const } : m));
  v.units = [...v.units.filter((u) => u.id !== U.b2), { id: 'u-new', name: '新设街道', division: '乡镇街道' }];
  v.targets = [
    ...v.targets.filter((t) => t.unitId !== U.b2).map((t) => (t.unitId === U.a1 ? { ...t, target: t.target * 2 } : t)),
    { unitId: 'u-new', metricId: M.invest, target: 1.2 },
  ];
  return v;
}

export function campaignCases({ it, store }: SuiteContext): void {
  describe('campaigns', () => {
    it('campaign.roundTrip', 'a saved campaign loads back whole: campaign, tracks, metrics, units, targets', async () => {
      await store().saveCampaign(campaignData());
      expect(await store().loadCampaign(C1)).toEqual(campaignData());
    });

    it('campaign.unknown', 'an unknown campaign loads as null', async () => {
      await store().saveCampaign(campaignData());
      expect(await store().loadCampaign('c-missing')).toBeNull();
    });

    it('campaign.replace', 'saving a campaign again replaces it, dropping what the new version leaves out', async () => {
      await store().saveCampaign(campaignData());
      await store().saveCampaign(revised());
      const loaded = await store().loadCampaign(C1);
      expect(loaded).toEqual(revised());
      expect(loaded?.units.map((u) => u.id)).not.toContain(U.b2);
      expect(loaded?.targets.filter((t) => t.unitId === U.b2)).toEqual([]);
    });

    it('campaign.sideBySide', 'campaigns that reuse track, metric and unit ids are kept apart', async () => {
      const other = campaignData(C2);
      other.units = other.units.map((u) => ({ ...u, name: `${u.name}（秋）` }));
      other.targets = other.targets.map((t) => ({ ...t, target: t.target + 1 }));
      await store().saveCampaign(campaignData());
      await store().saveCampaign(other);
      expect(await store().loadCampaign(C1)).toEqual(campaignData());
      expect(await store().loadCampaign(C2)).toEqual(other);

      const smaller = { ...other, units: other.units.slice(0, 2), targets: other.targets.filter((t) => t.unitId === U.a1) };
      await store().saveCampaign(smaller);
      expect(await store().loadCampaign(C2)).toEqual(smaller);
      expect(await store().loadCampaign(C1)).toEqual(campaignData());
    });

    it('campaign.current', 'the current campaign is a setting: empty at first, then whichever was set last', async () => {
      expect(await store().getCurrentCampaignId()).toBeNull();
      await store().saveCampaign(campaignData());
      await store().saveCampaign(campaignData(C2));
      await store().setCurrentCampaignId(C1);
      expect(await store().getCurrentCampaignId()).toBe(C1);
      await store().setCurrentCampaignId(C2);
      expect(await store().getCurrentCampaignId()).toBe(C2);
    });

    it('campaign.resaveKeepsPosts', 'saving a campaign again (new targets) keeps its posts and figures', async () => {
      await store().saveCampaign(campaignData());
      const post = await commitOk(store(), draft({ unitId: U.a1, day: '2025-03-03', requestId: 'r1', figures: [{ metricId: M.invest, value: 1 }] }));
      await store().saveCampaign(revised());
      expect((await store().listPosts({ campaignId: C1, limit: 5 })).items).toEqual([post]);
      expect(await store().latestFigures(C1)).toEqual([{ unitId: U.a1, metricId: M.invest, value: 1, day: '2025-03-03' }]);
      expect(await store().figuresAsOf(C1, '2025-03-03')).toEqual([{ unitId: U.a1, metricId: M.invest, value: 1, day: '2025-03-03' }]);
    });

    it('records.copied', 'changing an object after saving it, or one read back, does not change what is stored', async () => {
      const saved = campaignData();
      await store().saveCampaign(saved);
      saved.campaign.weights.performance = 0;
      saved.units[0]!.name = '改了';
      saved.targets.pop();
      const loaded = await store().loadCampaign(C1);
      loaded!.metrics[0]!.name = '也改了';
      loaded!.tracks.length = 0;

      const d = draft({ unitId: U.a1, day: '2025-03-03', requestId: 'r1', photos: ['p.jpg'], figures: [{ metricId: M.invest, value: 1 }] });
      const post = await commitOk(store(), d);
      d.figures.push({ metricId: M.start, value: 5 });
      d.photos.push('q.jpg');
      post.figures[0]!.value = 99;
      post.text = '改了';

      expect(await store().loadCampaign(C1)).toEqual(campaignData());
      const [listed] = (await store().listPosts({ campaignId: C1, limit: 5 })).items;
      expect(listed).toMatchObject({ text: '', photos: ['p.jpg'], figures: [{ metricId: M.invest, value: 1, previous: null }] });
      expect(await store().latestFigures(C1)).toEqual([{ unitId: U.a1, metricId: M.invest, value: 1, day: '2025-03-03' }]);
    });
  });
}

export function peopleCases({ it, store }: SuiteContext): void {
  describe('people', () => {
    it('users.roundTrip', 'a user reads back as put; an unknown user is null', async () => {
      for (const u of users) await store().putUser(u);
      for (const u of users) expect(await store().getUser(u.id)).toEqual(u);
      expect(await store().getUser('user-missing')).toBeNull();
    });

    it('users.replace', 'putting a user again replaces the record', async () => {
      await store().putUser(users[0]!);
      const moved: UserRecord = { ...users[0]!, name: '王芳芳', role: 'unit_leader', unitId: U.a2 };
      await store().putUser(moved);
      expect(await store().getUser(moved.id)).toEqual(moved);
      expect(await store().listUsers()).toHaveLength(1);
    });

    it('users.demoFilter', 'listUsers gives everyone, only the demo accounts, or only the real ones', async () => {
      for (const u of users) await store().putUser(u);
      expect((await store().listUsers()).sort(byId)).toEqual([...users].sort(byId));
      const demo = (await store().listUsers({ demo: true })).sort(byId);
      expect(demo).toEqual(users.filter((u) => u.demo).sort(byId));
      const real = await store().listUsers({ demo: false });
      expect(real.map((u) => u.id)).toEqual(['user-real']);
    });

    it('sessions.roundTrip', 'a session reads back by its token; an unknown token is null', async () => {
      await store().putUser(users[0]!);
      const session = { token: 'tok-0123456789abcdef', userId: users[0]!.id, expiresAt: 1_767_225_600_000 };
      await store().putSession(session);
      expect(await store().getSession(session.token)).toEqual(session);
      expect(await store().getSession('tok-missing')).toBeNull();
    });

    it('sessions.delete', 'a deleted session is gone and the others stay; deleting twice is harmless', async () => {
      await store().putUser(users[0]!);
      const a = { token: 'tok-a', userId: users[0]!.id, expiresAt: 1_767_225_600_000 };
      const b = { token: 'tok-b', userId: users[0]!.id, expiresAt: 1_767_225_600_000 };
      await store().putSession(a);
      await store().putSession(b);
      await store().deleteSession(a.token);
      await store().deleteSession(a.token);
      expect(await store().getSession(a.token)).toBeNull();
      expect(await store().getSession(b.token)).toEqual(b);
    });
  });
}
