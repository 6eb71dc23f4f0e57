// The benchmark loader writes figures the reads then answer with, in any order it is given them.
import { C1, M, U, campaignData } from '../../tests/store/fixtures';
import { sorted } from '../../tests/store/read';
import { bulkLoadFigures } from './bulk';
import { createSqliteStore } from './store';

describe('bulkLoadFigures', () => {
  it('loads daily figures and sets each latest figure from the latest day, whatever the order', async () => {
    const s = createSqliteStore({ file: ':memory:' });
    await s.store.campaigns.saveCampaign(campaignData());
    const before = await s.store.standings.dataVersion(C1);
    const n = bulkLoadFigures(s.db, C1, [
      { unitId: U.a1, metricId: M.invest, day: '2025-03-05', value: 3 },
      { unitId: U.a1, metricId: M.invest, day: '2025-03-03', value: 1 },
      { unitId: U.b1, metricId: M.start, day: '2025-03-04', value: 40 },
      { unitId: U.a1, metricId: M.invest, day: '2025-03-04', value: 2 },
    ]);
    expect(n).toBe(4);
    expect(sorted(await s.store.standings.latestFigures(C1))).toEqual([
      { unitId: U.b1, metricId: M.start, value: 40, day: '2025-03-04' },
      { unitId: U.a1, metricId: M.invest, value: 3, day: '2025-03-05' },
    ]);
    expect(sorted(await s.store.standings.figuresAsOf(C1, '2025-03-04'))).toEqual([
      { unitId: U.b1, metricId: M.start, value: 40, day: '2025-03-04' },
      { unitId: U.a1, metricId: M.invest, value: 2, day: '2025-03-04' },
    ]);
    expect(await s.store.standings.dataVersion(C1)).toBeGreaterThan(before);
    s.close();
  });
});
