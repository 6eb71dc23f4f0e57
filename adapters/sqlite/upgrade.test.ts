// A database written by the code before cities (migrations 0001–0005), opened by this code as the server
// opens its file: migration 0006 moves everything into the default city and loses nothing. The fixture
// holds the demo campaign seeded at 2026-11-20T10:00+08:00 plus a few hand-made rows (users, invite,
// session, notification, photo check), so the upgrade is tested on data the old code really wrote.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import BetterSqlite3 from 'better-sqlite3';
import { DEFAULT_CITY } from '../../core/app/campaigns/store';
import type { LatestFigure, PostRecord } from '../../core/app/posts/store';
import { commitOk, draft } from '../../tests/store/fixtures';
import { migrate, readMigrations } from './migrate';
import { openDatabase } from './open';
import { type PostRow, toPost } from './rows';
import { createSqliteStore } from './store';

const fixture = join(__dirname, '..', '..', 'tests', 'fixtures', 'arena-0005.db.gz');
const DEMO = 'c-sanbai-demo';
const ASOF = '2026-11-01';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'arena-upgrade-'));
  file = join(dir, 'arena.db');
  writeFileSync(file, gunzipSync(readFileSync(fixture)));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const byKey = (a: LatestFigure, b: LatestFigure) =>
  `${a.unitId}|${a.metricId}`.localeCompare(`${b.unitId}|${b.metricId}`);

/** What the old database holds, read with plain SQL before this code touches it. */
function rawBefore() {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    const applied = db.prepare<[], { id: string }>('SELECT id FROM schema_migrations ORDER BY id').all();
    const count = (table: string) =>
      db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()!.n;
    const figures = (sql: string, ...params: string[]) =>
      db
        .prepare<string[], { unit_id: string; metric_id: string; value: number; day: string }>(sql)
        .all(...params)
        .map((r): LatestFigure => ({ unitId: r.unit_id, metricId: r.metric_id, value: r.value, day: r.day }))
        .sort(byKey);
    return {
      applied: applied.map((r) => r.id),
      setting: db.prepare("SELECT value FROM settings WHERE key = 'current_campaign_id'").get(),
      counts: {
        posts: count('posts'),
        users: count('users'),
        daily: count('daily_figures'),
        latest: count('latest_figures'),
      },
      postIds: db
        .prepare<[], { id: string }>('SELECT id FROM posts')
        .all()
        .map((r) => r.id)
        .sort(),
      newest: toPost(
        db.prepare<[], PostRow>('SELECT * FROM posts ORDER BY created_ms DESC, seq DESC LIMIT 1').get()!,
      ),
      latest: figures(
        'SELECT unit_id, metric_id, value, day FROM latest_figures WHERE campaign_id = ?',
        DEMO,
      ),
      // Each (unit, metric)'s last daily figure on or before ASOF: SQLite takes the bare columns from the max row.
      asOf: figures(
        'SELECT unit_id, metric_id, value, max(day) AS day FROM daily_figures WHERE campaign_id = ? AND day <= ? GROUP BY unit_id, metric_id',
        DEMO,
        ASOF,
      ),
      dataVersion: db
        .prepare<[string], { v: number }>('SELECT data_version AS v FROM campaigns WHERE id = ?')
        .get(DEMO)!.v,
      target: db
        .prepare<[], { unit_id: string; metric_id: string }>(
          "SELECT unit_id, metric_id FROM targets WHERE unit_id = 'u-longshan' LIMIT 1",
        )
        .get()!,
    };
  } finally {
    db.close();
  }
}

async function allPosts(s: ReturnType<typeof createSqliteStore>): Promise<PostRecord[]> {
  const out: PostRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await s.store.posts.listPosts({
      campaignId: DEMO,
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

describe('upgrading a database written before cities (0005 → 0006_cities)', () => {
  it('the fixture is what the old code left: five migrations, the demo campaign current, its posts and figures', () => {
    const before = rawBefore();
    expect(before.applied).toEqual([
      '0001_init',
      '0002_join_notify',
      '0003_campaign_version',
      '0004_template_credits',
      '0005_photo_checks',
    ]);
    expect(before.setting).toEqual({ value: DEMO });
    expect(before.counts).toEqual({ posts: 279, users: 32, daily: 1023, latest: 129 });
    expect(before.asOf.length).toBeGreaterThan(0);
    expect(before.asOf).not.toEqual(before.latest);
  });

  it('keeps every post and every figure the standings read', async () => {
    const before = rawBefore();
    const s = createSqliteStore({ file });
    try {
      const posts = await allPosts(s);
      expect(posts).toHaveLength(before.counts.posts);
      expect(posts.map((p) => p.id).sort()).toEqual(before.postIds);
      expect(posts[0]).toEqual(before.newest);
      expect((await s.store.standings.latestFigures(DEMO)).sort(byKey)).toEqual(before.latest);
      expect((await s.store.standings.figuresAsOf(DEMO, ASOF)).sort(byKey)).toEqual(before.asOf);
      expect(await s.store.standings.dataVersion(DEMO)).toBe(before.dataVersion);
      const daily = s.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM daily_figures').get()!.n;
      expect(daily).toBe(before.counts.daily);
    } finally {
      s.close();
    }
  });

  it('keeps people, invites, notifications and photo checks, all in the default city (sessions go in 0007)', async () => {
    const s = createSqliteStore({ file });
    try {
      const { people, notifications, posts } = s.store;
      expect(await people.getUserByAccount('wangwu')).toEqual({
        id: 'u-acct',
        name: '王五',
        role: 'reporter',
        cityId: DEFAULT_CITY.id,
        unitId: 'u-longshan',
        account: 'wangwu',
        passwordHash: 'scrypt$x',
      });
      expect(await people.getUserByOpenid('o-zhao')).toEqual({
        id: 'u-wx',
        name: '赵六',
        role: 'supervisor',
        cityId: DEFAULT_CITY.id,
        unitId: null,
        openid: 'o-zhao',
        subscribeCredits: { 'tpl-1': 2 },
      });
      const everyone = await people.listUsers();
      expect(everyone).toHaveLength(32);
      expect(everyone.every((u) => u.cityId === DEFAULT_CITY.id)).toBe(true);
      expect(await people.listUsers({ cityId: DEFAULT_CITY.id })).toEqual(everyone);
      expect(await people.listUsers({ cityId: DEFAULT_CITY.id, demo: true })).toHaveLength(30);

      // 0007_session_hashes drops the sessions, whose tokens SQL cannot hash: everyone signs in again.
      expect(await people.listUserSessions('u-acct')).toEqual([]);
      expect(await people.redeemInvite('ABCDEFGH', 'u-new', 1_795_140_000_001)).toEqual({
        code: 'ABCDEFGH',
        cityId: DEFAULT_CITY.id,
        role: 'reporter',
        unitId: 'u-longshan',
        createdBy: 'u-acct',
        createdAt: 1_795_140_000_000,
        expiresAt: 1_795_143_600_000,
        usedBy: 'u-new',
        usedAt: 1_795_140_000_001,
      });

      const { items } = await notifications.listNotifications({ userId: 'u-acct', limit: 10 });
      expect(items).toEqual([
        {
          id: 'n1',
          userId: 'u-acct',
          cityId: DEFAULT_CITY.id,
          campaignId: null,
          kind: 'no_post',
          title: '提醒',
          body: '请填报',
          subjectId: 'u-longshan',
          dedupeKey: 'u-acct|no_post|u-longshan|2026-11-20',
          createdAt: 1_795_140_000_000,
          readAt: null,
          channels: {},
        },
      ]);
      expect(await notifications.countUnread('u-acct')).toBe(1);
      expect(await posts.getPhotoCheck('tr1')).toEqual({
        traceId: 'tr1',
        postId: 'x',
        photo: 'p',
        createdAt: 1_795_140_000_000,
      });
    } finally {
      s.close();
    }
  });

  it('makes the default city, current on the old current campaign, and drops the old setting', async () => {
    const s = createSqliteStore({ file });
    try {
      const { campaigns } = s.store;
      const city = { id: DEFAULT_CITY.id, name: DEFAULT_CITY.name, currentCampaignId: DEMO };
      expect(await campaigns.listCities()).toEqual([city]);
      expect(await campaigns.getCity(DEFAULT_CITY.id)).toEqual(city);
      const demo = await campaigns.loadCampaign(DEMO);
      expect(demo?.cityId).toBe(DEFAULT_CITY.id);
      expect(demo?.campaign.lateDays).toBeUndefined();
      expect(demo?.campaign.postEveryDays).toBe(7);
      expect((await campaigns.listCampaigns(DEFAULT_CITY.id)).map((c) => c.id)).toEqual([DEMO]);
      expect(s.db.prepare("SELECT * FROM settings WHERE key = 'current_campaign_id'").all()).toEqual([]);
    } finally {
      s.close();
    }
  });

  it('applies the migration once: reopening changes nothing', async () => {
    createSqliteStore({ file }).close();
    const db = openDatabase(file);
    try {
      expect(migrate(db)).toEqual([]);
      const applied = db
        .prepare<[], { id: string }>('SELECT id FROM schema_migrations ORDER BY id')
        .all()
        .map((r) => r.id);
      expect(applied).toEqual(readMigrations().map((m) => m.id));
      expect(applied.filter((id) => id === '0006_cities')).toHaveLength(1);
    } finally {
      db.close();
    }
    const again = createSqliteStore({ file });
    try {
      expect(await again.store.campaigns.listCities()).toEqual([
        { id: DEFAULT_CITY.id, name: DEFAULT_CITY.name, currentCampaignId: DEMO },
      ]);
      expect(await again.store.people.listUsers()).toHaveLength(32);
    } finally {
      again.close();
    }
  });

  it('takes writes afterwards: a city, a campaign made current, a post, a resaved campaign', async () => {
    const before = rawBefore();
    const s = createSqliteStore({ file });
    try {
      const { campaigns } = s.store;
      const demo = (await campaigns.loadCampaign(DEMO))!;
      const next = {
        ...demo,
        campaign: {
          ...demo.campaign,
          id: 'c-next',
          startDate: '2027-03-01',
          endDate: '2027-06-08',
          lateDays: 5,
        },
      };
      await campaigns.saveCampaign(next);
      expect(await campaigns.setCurrentCampaign(DEFAULT_CITY.id, 'c-next')).toBe(true);
      expect((await campaigns.listCampaigns(DEFAULT_CITY.id)).map((c) => c.id)).toEqual(['c-next', DEMO]);
      expect((await campaigns.loadCampaign('c-next'))?.campaign.lateDays).toBe(5);

      await campaigns.saveCity({ id: 'city-wy', name: '武义县' });
      expect(await campaigns.setCurrentCampaign('city-wy', DEMO)).toBe(false);
      await expect(campaigns.saveCampaign({ ...demo, cityId: 'city-wy' })).rejects.toThrow('属于另一个城市');
      expect((await campaigns.listCities()).map((c) => [c.id, c.currentCampaignId])).toEqual([
        [DEFAULT_CITY.id, 'c-next'],
        ['city-wy', null],
      ]);

      const { unit_id: unitId, metric_id: metricId } = before.target;
      const d = draft({
        campaignId: DEMO,
        unitId,
        day: '2026-11-20',
        time: '10:30',
        authorId: 'u-acct',
        requestId: 'after-upgrade',
        figures: [{ metricId, value: 42 }],
      });
      const post = await commitOk(s.store, d);
      expect((await s.store.posts.listPosts({ campaignId: DEMO, limit: 1 })).items).toEqual([post]);
      expect(await s.store.standings.latestFigures(DEMO)).toContainEqual({
        unitId,
        metricId,
        value: 42,
        day: '2026-11-20',
      });
      expect(await s.store.standings.dataVersion(DEMO)).toBeGreaterThan(before.dataVersion);

      await campaigns.saveCampaign({ ...demo, campaign: { ...demo.campaign, lateDays: 10 } });
      expect((await campaigns.loadCampaign(DEMO))?.campaign.lateDays).toBe(10);
      expect(await allPosts(s)).toHaveLength(before.counts.posts + 1);
    } finally {
      s.close();
    }
  });
});

describe('a fresh database', () => {
  it('has no city until one is saved, and no settings row', async () => {
    const s = createSqliteStore({ file: ':memory:' });
    try {
      expect(await s.store.campaigns.listCities()).toEqual([]);
      expect(s.db.prepare('SELECT * FROM settings').all()).toEqual([]);
    } finally {
      s.close();
    }
  });
});
