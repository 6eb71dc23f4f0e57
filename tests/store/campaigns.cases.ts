/**
 * Store contract cases for the campaigns slice: cities and their campaigns; campaigns saved whole, replaced
 * whole, many side by side, each city choosing its current one among its own; a campaign never changes
 * city; what is stored is a copy; saving grows the campaign and the data version.
 */
import type { CampaignData } from '../../core/app/campaigns/store';
import type { SuiteContext } from './suite';
import { C1, C2, CITY, CITY2, M, U, campaignData, commitOk, draft } from './fixtures';

const D1 = '2025-03-03';

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

export const campaignCaseIds = [
  'campaign.roundTrip',
  'campaign.unknown',
  'campaign.replace',
  'campaign.sideBySide',
  'city.roundTrip',
  'campaign.listByCity',
  'campaign.current',
  'campaign.currentOtherCity',
  'campaign.cityFixed',
  'campaign.resaveKeepsPosts',
  'records.copied',
  'commit.dataVersionOnSave',
  'commit.campaignVersion',
] as const;

export function campaignCases({ it, store }: SuiteContext): void {
  describe('campaigns', () => {
    it('campaign.roundTrip', 'a saved campaign loads back whole: campaign, tracks, metrics, units, targets', async () => {
      await store().campaigns.saveCampaign(campaignData());
      expect(await store().campaigns.loadCampaign(C1)).toEqual(campaignData());
    });

    it('campaign.unknown', 'an unknown campaign loads as null', async () => {
      await store().campaigns.saveCampaign(campaignData());
      expect(await store().campaigns.loadCampaign('c-missing')).toBeNull();
    });

    it('campaign.replace', 'saving a campaign again replaces it, dropping what the new version leaves out', async () => {
      await store().campaigns.saveCampaign(campaignData());
      await store().campaigns.saveCampaign(revised());
      const loaded = await store().campaigns.loadCampaign(C1);
      expect(loaded).toEqual(revised());
      expect(loaded?.units.map((u) => u.id)).not.toContain(U.b2);
      expect(loaded?.targets.filter((t) => t.unitId === U.b2)).toEqual([]);
    });

    it('campaign.sideBySide', 'campaigns that reuse track, metric and unit ids are kept apart', async () => {
      const other = campaignData(C2);
      other.units = other.units.map((u) => ({ ...u, name: `${u.name}（秋）` }));
      other.targets = other.targets.map((t) => ({ ...t, target: t.target + 1 }));
      await store().campaigns.saveCampaign(campaignData());
      await store().campaigns.saveCampaign(other);
      expect(await store().campaigns.loadCampaign(C1)).toEqual(campaignData());
      expect(await store().campaigns.loadCampaign(C2)).toEqual(other);

      const smaller = { ...other, units: other.units.slice(0, 2), targets: other.targets.filter((t) => t.unitId === U.a1) };
      await store().campaigns.saveCampaign(smaller);
      expect(await store().campaigns.loadCampaign(C2)).toEqual(smaller);
      expect(await store().campaigns.loadCampaign(C1)).toEqual(campaignData());
    });

    it('city.roundTrip', 'a city reads back as saved; renaming keeps its current campaign; cities list in first-saved order', async () => {
      expect(await store().campaigns.listCities()).toEqual([]);
      expect(await store().campaigns.getCity(CITY)).toBeNull();
      await store().campaigns.saveCity({ id: CITY2, name: '武义县' });
      await store().campaigns.saveCity({ id: CITY, name: '永康市' });
      expect(await store().campaigns.getCity(CITY)).toEqual({ id: CITY, name: '永康市', currentCampaignId: null });
      await store().campaigns.saveCampaign(campaignData(C1, CITY));
      expect(await store().campaigns.setCurrentCampaign(CITY, C1)).toBe(true);
      await store().campaigns.saveCity({ id: CITY, name: '永康' });
      expect(await store().campaigns.getCity(CITY)).toEqual({ id: CITY, name: '永康', currentCampaignId: C1 });
      expect(await store().campaigns.listCities()).toEqual([
        { id: CITY2, name: '武义县', currentCampaignId: null },
        { id: CITY, name: '永康', currentCampaignId: C1 },
      ]);
    });

    it('campaign.listByCity', 'a city lists its own campaigns only, the latest start first', async () => {
      await store().campaigns.saveCity({ id: CITY, name: '永康市' });
      await store().campaigns.saveCity({ id: CITY2, name: '武义县' });
      const spring = campaignData('c-spring', CITY);
      spring.campaign = { ...spring.campaign, name: '春季攻坚', startDate: '2026-03-01', endDate: '2026-06-08' };
      await store().campaigns.saveCampaign(campaignData(C1, CITY));
      await store().campaigns.saveCampaign(spring);
      await store().campaigns.saveCampaign(campaignData(C2, CITY2));
      expect((await store().campaigns.listCampaigns(CITY)).map((c) => c.id)).toEqual(['c-spring', C1]);
      expect(await store().campaigns.listCampaigns(CITY2)).toEqual([campaignData(C2, CITY2).campaign]);
      expect(await store().campaigns.listCampaigns('city-none')).toEqual([]);
      expect((await store().campaigns.loadCampaign(C2))?.cityId).toBe(CITY2);
    });

    it('campaign.current', 'a city’s current campaign: none at first, then whichever of its own was made current last', async () => {
      await store().campaigns.saveCity({ id: CITY, name: '永康市' });
      await store().campaigns.saveCampaign(campaignData(C1));
      await store().campaigns.saveCampaign(campaignData(C2));
      expect((await store().campaigns.getCity(CITY))?.currentCampaignId).toBeNull();
      expect(await store().campaigns.setCurrentCampaign(CITY, C1)).toBe(true);
      expect((await store().campaigns.getCity(CITY))?.currentCampaignId).toBe(C1);
      expect(await store().campaigns.setCurrentCampaign(CITY, C2)).toBe(true);
      expect((await store().campaigns.getCity(CITY))?.currentCampaignId).toBe(C2);
    });

    it('campaign.currentOtherCity', 'a city cannot make current another city’s campaign, an unknown one, or one for no city', async () => {
      await store().campaigns.saveCity({ id: CITY, name: '永康市' });
      await store().campaigns.saveCity({ id: CITY2, name: '武义县' });
      await store().campaigns.saveCampaign(campaignData(C1, CITY));
      await store().campaigns.saveCampaign(campaignData(C2, CITY2));
      expect(await store().campaigns.setCurrentCampaign(CITY, C1)).toBe(true);
      expect(await store().campaigns.setCurrentCampaign(CITY, C2)).toBe(false);
      expect(await store().campaigns.setCurrentCampaign(CITY, 'c-missing')).toBe(false);
      expect(await store().campaigns.setCurrentCampaign('city-none', C1)).toBe(false);
      expect((await store().campaigns.getCity(CITY))?.currentCampaignId).toBe(C1);
      expect((await store().campaigns.getCity(CITY2))?.currentCampaignId).toBeNull();
      expect(await store().campaigns.getCity('city-none')).toBeNull();
    });

    it('campaign.cityFixed', 'saving a campaign under another city’s id is refused and changes nothing', async () => {
      await store().campaigns.saveCity({ id: CITY, name: '永康市' });
      await store().campaigns.saveCity({ id: CITY2, name: '武义县' });
      await store().campaigns.saveCampaign(campaignData(C1, CITY));
      const hijack = campaignData(C1, CITY2);
      hijack.units = hijack.units.slice(0, 1);
      hijack.targets = hijack.targets.filter((t) => t.unitId === hijack.units[0]!.id);
      await expect(store().campaigns.saveCampaign(hijack)).rejects.toThrow();
      expect(await store().campaigns.loadCampaign(C1)).toEqual(campaignData(C1, CITY));
      expect(await store().campaigns.listCampaigns(CITY2)).toEqual([]);
    });

    it('campaign.resaveKeepsPosts', 'saving a campaign again (new targets) keeps its posts and figures', async () => {
      await store().campaigns.saveCampaign(campaignData());
      const post = await commitOk(store(), draft({ unitId: U.a1, day: '2025-03-03', requestId: 'r1', figures: [{ metricId: M.invest, value: 1 }] }));
      await store().campaigns.saveCampaign(revised());
      expect((await store().posts.listPosts({ campaignId: C1, limit: 5 })).items).toEqual([post]);
      expect(await store().standings.latestFigures(C1)).toEqual([{ unitId: U.a1, metricId: M.invest, value: 1, day: '2025-03-03' }]);
      expect(await store().standings.figuresAsOf(C1, '2025-03-03')).toEqual([{ unitId: U.a1, metricId: M.invest, value: 1, day: '2025-03-03' }]);
    });

    it('records.copied', 'changing an object after saving it, or one read back, does not change what is stored', async () => {
      const saved = campaignData();
      await store().campaigns.saveCampaign(saved);
      saved.campaign.weights.performance = 0;
      saved.units[0]!.name = '改了';
      saved.targets.pop();
      const loaded = await store().campaigns.loadCampaign(C1);
      loaded!.metrics[0]!.name = '也改了';
      loaded!.tracks.length = 0;

      const d = draft({ unitId: U.a1, day: '2025-03-03', requestId: 'r1', photos: ['p.jpg'], figures: [{ metricId: M.invest, value: 1 }] });
      const post = await commitOk(store(), d);
      d.figures.push({ metricId: M.start, value: 5 });
      d.photos.push('q.jpg');
      post.figures[0]!.value = 99;
      post.text = '改了';

      expect(await store().campaigns.loadCampaign(C1)).toEqual(campaignData());
      const [listed] = (await store().posts.listPosts({ campaignId: C1, limit: 5 })).items;
      expect(listed).toMatchObject({ text: '', photos: ['p.jpg'], figures: [{ metricId: M.invest, value: 1, previous: null }] });
      expect(await store().standings.latestFigures(C1)).toEqual([{ unitId: U.a1, metricId: M.invest, value: 1, day: '2025-03-03' }]);
    });
  });

  describe('campaign and data versions', () => {
    beforeEach(async () => {
      await store().campaigns.saveCampaign(campaignData());
    });

    it('commit.dataVersionOnSave', 'saving the campaign again (targets, weights) grows the data version', async () => {
      const before = await store().standings.dataVersion(C1);
      const v = campaignData();
      v.targets = v.targets.map((t) => ({ ...t, target: t.target * 2 }));
      await store().campaigns.saveCampaign(v);
      expect(await store().standings.dataVersion(C1)).toBeGreaterThan(before);
    });

    it('commit.campaignVersion', 'the campaign version grows when the campaign is saved, never with a post', async () => {
      const saved = await store().campaigns.campaignVersion(C1);
      expect(saved).toBeGreaterThan(0);
      await commitOk(store(), draft({ unitId: U.a1, day: D1, requestId: 'r1', figures: [{ metricId: M.invest, value: 1 }] }));
      expect(await store().campaigns.campaignVersion(C1)).toBe(saved);
      await store().campaigns.saveCampaign(campaignData());
      expect(await store().campaigns.campaignVersion(C1)).toBeGreaterThan(saved);
      expect(await store().campaigns.campaignVersion('no-such-campaign')).toBe(0);
    });
  });
}
