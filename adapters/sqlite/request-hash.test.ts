/**
 * A post written before 0009 has no request hash: its requestId must still replay (a phone retrying across
 * the upgrade), whatever the retry carries; a post written since refuses other content under its id.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { C1, M, U, campaignData, commit, commitOk, draft } from '../../tests/store/fixtures';
import { openDatabase } from './open';
import { createSqliteStore } from './store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'arena-request-hash-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('sqlite request hashes', () => {
  const first = {
    unitId: U.a1,
    day: '2025-03-03',
    requestId: 'req-old',
    text: '首发',
    figures: [{ metricId: M.invest, value: 1 }],
  };
  const other = { ...first, day: '2025-03-04', text: '另一条内容' };

  it('replays a post stored without a hash, and refuses other content once the hash is kept', async () => {
    const file = join(dir, 'arena.db');
    const { store: s1, close: close1 } = createSqliteStore({ file });
    await s1.campaigns.saveCampaign(campaignData());
    const post = await commitOk(s1, draft(first));
    close1();

    // As a post written before 0009 is: no hash.
    const raw = openDatabase(file);
    raw.prepare('UPDATE posts SET request_hash = NULL').run();
    raw.close();

    const { store: s2, close: close2 } = createSqliteStore({ file });
    expect(await commit(s2, draft(other))).toEqual({ ok: true, post, replayed: true });
    // A new post keeps its hash: other content under its id is refused.
    await commitOk(s2, draft({ ...first, requestId: 'req-new' }));
    const reused = await commit(s2, draft({ ...other, requestId: 'req-new' }));
    expect(reused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await s2.posts.listPosts({ campaignId: C1, limit: 10 })).items).toHaveLength(2);
    close2();
  });
});
