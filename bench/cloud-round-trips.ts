/**
 * Round trips per action on the WeChat cloud: each action goes through the `arena` function's handler
 * (the reminder job through `arena-cron`'s) on the real wx-server-sdk over the CloudBase emulation
 * (tests/cloudbase), and every request the SDK would send — a database request or an open-API/storage
 * call — counts one. "cold" is the first call on a new function instance (empty caches), "warm" the
 * same call again on that instance (a post: the next post). The city is the benchmark's (bench/city.ts):
 * a third of the units never posted, so the 09:00 reminder job has work. `tsx bench/cloud-round-trips.ts`
 * runs it alone; `npm run bench` runs it after the HTTP figures. BENCH_UNITS, BENCH_QUICK=1 as there.
 */
import { collections } from '../adapters/cloudbase/collections';
import { createCloudStore } from '../adapters/cloudbase/store';
import { nodeIds } from '../adapters/node';
import type { Result } from '../core/contract';
import { addDays, dayOf } from '../core/domain/days';
import type { Store } from '../core/app/ports';
import type { CloudMain } from '../cloud/deps';
import { createArenaMain } from '../cloudfunctions/arena/handler';
import { createCronMain } from '../cloudfunctions/arena-cron/handler';
import { sdkCloud } from '../tests/cloudbase/cloud';
import { createCloudEmulator, type CloudEmulator } from '../tests/cloudbase/emulator';
import { createWxServices, type WxServices } from '../tests/cloudbase/wx-services';
import { benchCity, buildCity, valueOn, type City } from './city';

export interface TripRow {
  action: string;
  cold: number;
  /** null: the action cannot be repeated (an invite binds once). */
  warm: number | null;
  /** Of the cold call's round trips, how many were open-API or storage calls. */
  services: number;
  /** Of the warm call's, how many (post.create: the content check). */
  warmServices?: number;
  /** The most database round trips the warm call may take (issue 11); null: none set. */
  budget: number | null;
  /** What the cold and the warm call answered (`data` of the envelope), for tests to compare. */
  answers?: { cold: unknown; warm: unknown; fresh?: unknown };
}

/**
 * Database round trips allowed on a warm instance (the services a call also makes, such as post.create's
 * content check, are not the database's). The uncached leaderboard: the version check, the latest figures
 * a page of 100 units at a time, and two more (the kept closes). The feed: the version check, the page and
 * the 通报 heads shown among the posts, read alongside it; then the page's reactions — the counters and the
 * caller's likes, two queries sent together — so three waits in a row for five trips.
 */
export const tripBudgets = (units: number): Record<string, number> => ({
  'post.create': 6,
  'post.list': 5,
  'board.leaderboard': 1,
  'board.leaderboard, uncached': Math.ceil(units / 100) + 3,
  'unit.detail': 3,
});

const TEMPLATE = 'tpl-no-post';
const quiet = (): void => undefined;

/** One instant for the whole run: 10:00 in Shanghai, 30 days into the campaign. */
const AT = Date.parse(`${dayOf(Date.now())}T10:00:00+08:00`);

async function seed(store: Store, city: City): Promise<void> {
  await store.campaigns.saveCity(benchCity);
  await store.campaigns.saveCampaign(city.data);
  await store.campaigns.setCurrentCampaign(benchCity.id, city.data.campaign.id);
  for (const r of city.reporters)
    await store.people.putUser({ ...r, openid: `o-${r.id}`, subscribeCredits: { [TEMPLATE]: 5 } });
  await store.people.putUser({ ...city.leader, openid: 'o-leader' });
  await store.people.putUser({
    id: 'admin',
    name: '管理员',
    role: 'admin',
    cityId: benchCity.id,
    unitId: null,
    openid: 'o-admin',
  });
  // Two units in three post on each of the last three days; the others never did.
  const today = dayOf(AT);
  const { units, metrics } = city.data;
  for (const [ui, unit] of units.entries()) {
    if (ui % 3 === 2) continue;
    for (const back of [3, 2, 1]) {
      const day = addDays(today, -back);
      const figures = metrics
        .slice(0, 4)
        .map((m, mi) => ({ metricId: m.id, value: valueOn(ui, mi, 30 - back, m), previous: null }));
      const r = await store.posts.commitPost(
        {
          campaignId: city.data.campaign.id,
          unitId: unit.id,
          authorId: `r${ui}`,
          authorName: `填报员${ui}`,
          createdAt: new Date(Date.parse(`${day}T16:00:00+08:00`)).toISOString(),
          day,
          figures: figures.map(({ metricId, value }) => ({ metricId, value })),
          text: '本周进展',
          photos: [],
          correctionReason: null,
          requestId: `seed-${ui}-${back}`,
        },
        () => ({ ok: true, figures }),
      );
      if (!r.ok) throw new Error(r.error.message);
    }
  }
}

interface Bench {
  emulator: CloudEmulator;
  services: WxServices;
  city: City;
}

async function count(
  b: Bench,
  run: () => Promise<Result<unknown>>,
): Promise<{ trips: number; services: number; data: unknown }> {
  const before = b.services.calls.length + b.services.fileRequests.length;
  b.emulator.resetRoundTrips();
  const r = await run();
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return {
    trips: b.emulator.roundTrips(),
    services: b.services.calls.length + b.services.fileRequests.length - before,
    data: r.data,
  };
}

export async function cloudRoundTrips(units: number): Promise<TripRow[]> {
  const city = buildCity(units, dayOf(AT), 30);
  const services = createWxServices();
  const emulator = createCloudEmulator({ collections: Object.values(collections), services });
  const undo = emulator.install();
  try {
    const cloud = sdkCloud();
    await seed(createCloudStore({ db: cloud.database() }), city);
    const b: Bench = { emulator, services, city };
    const clock = { now: () => AT };
    const wiring = {
      cloud,
      env: { ARENA_TPL_NO_POST: TEMPLATE },
      clock,
      ids: nodeIds,
      log: quiet,
    };
    const rows: TripRow[] = [];
    const fresh = (): CloudMain => createArenaMain(wiring);
    const unit = city.data.units[0]!;
    const idle = city.reporters[2]!;
    let posts = 0;
    const postFor = () => {
      posts += 1;
      return {
        unitId: unit.id,
        requestId: `bench-post-${posts}`,
        text: '今天新开工 1 个项目',
        figures: city.data.metrics
          .slice(0, 4)
          .map((m, mi) => ({ metricId: m.id, value: valueOn(0, mi, 30, m) + posts })),
      };
    };

    const budgets = tripBudgets(units);
    const measure = async (
      action: string,
      openid: string,
      data: () => Record<string, unknown>,
      repeat = true,
    ) => {
      const main = fresh();
      const call = () => emulator.asCaller(openid, () => main({ action, data: data() }, {}));
      const cold = await count(b, call);
      const warm = repeat ? await count(b, call) : null;
      rows.push({
        action,
        cold: cold.trips,
        warm: warm ? warm.trips : null,
        services: cold.services,
        warmServices: warm?.services ?? 0,
        budget: budgets[action] ?? null,
        answers: { cold: cold.data, warm: warm?.data },
      });
      return cold.data;
    };

    const reporter = `o-${city.reporters[0]!.id}`;
    await measure('me.get', reporter, () => ({}));
    await measure('campaign.current', reporter, () => ({}));
    await measure('board.leaderboard', reporter, () => ({}));
    await measure('unit.detail', reporter, () => ({ unitId: unit.id }));
    await measure('unit.trend', reporter, () => ({ unitId: unit.id }));
    await measure('post.list', reporter, () => ({}));
    await measure('post.create', reporter, postFor);

    // A post on an instance that keeps the user but not the unit's newest figure snapshot (another instance
    // posted for the unit last): it reads that snapshot, one round trip more.
    {
      const main = fresh();
      const post = () =>
        emulator.asCaller(reporter, () => main({ action: 'post.create', data: postFor() }, {}));
      const first = await count(b, post);
      const other = fresh();
      await count(b, () =>
        emulator.asCaller(reporter, () => other({ action: 'post.create', data: postFor() }, {})),
      );
      const after = await count(b, post);
      rows.push({
        action: 'post.create, unit last posted elsewhere',
        cold: first.trips,
        warm: after.trips,
        services: first.services,
        warmServices: after.services,
        budget: null,
      });
    }

    // The leaderboard on a warm instance right after a post made on another one: its caches are stale.
    {
      const main = fresh();
      const board = () =>
        emulator.asCaller(reporter, () => main({ action: 'board.leaderboard', data: {} }, {}));
      const before = await count(b, board);
      await count(b, board);
      const other = fresh();
      await count(b, () =>
        emulator.asCaller(reporter, () => other({ action: 'post.create', data: postFor() }, {})),
      );
      const after = await count(b, board);
      const newcomer = fresh();
      const recomputed = await count(b, () =>
        emulator.asCaller(reporter, () => newcomer({ action: 'board.leaderboard', data: {} }, {})),
      );
      rows.push({
        action: 'board.leaderboard, uncached',
        cold: before.trips,
        warm: after.trips,
        services: before.services,
        warmServices: after.services,
        budget: budgets['board.leaderboard, uncached'] ?? null,
        answers: { cold: before.data, warm: after.data, fresh: recomputed.data },
      });
    }

    // The 09:00 run of the reminder job, then the reminded user's list.
    const cron = createCronMain({ ...wiring, clock: { now: () => AT - 3_600_000 } });
    const job = await count(b, () =>
      emulator.asCaller(null, () => cron({ Type: 'Timer', TriggerName: 'hourly' }, {})),
    );
    const sent = (job.data as { sent: number }).sent;
    rows.push({
      action: `reminder job (${sent} reminders)`,
      cold: job.trips,
      warm: null,
      services: job.services,
      budget: null,
    });
    const again = await count(b, () =>
      emulator.asCaller(null, () => cron({ Type: 'Timer', TriggerName: 'hourly' }, {})),
    );
    rows.push({
      action: 'reminder job, same hour again',
      cold: again.trips,
      warm: null,
      services: again.services,
      budget: null,
    });

    await measure('notify.list', `o-${idle.id}`, () => ({}));
    await measure('notify.read', `o-${idle.id}`, () => ({ all: true }));
    await measure('notify.subscribe', `o-${idle.id}`, () => ({ accepted: [TEMPLATE] }));
    const invite = (await measure(
      'admin.invite',
      'o-admin',
      () => ({ role: 'reporter', unitId: unit.id }),
      false,
    )) as {
      invite: { code: string };
    };
    await measure('me.bind', 'o-newcomer', () => ({ inviteCode: invite.invite.code, name: '新同事' }), false);
    return rows;
  } finally {
    undo();
  }
}

/** The warm call's database round trips (services such as the content check left out). */
export const warmDbTrips = (r: TripRow): number | null =>
  r.warm === null ? null : r.warm - (r.warmServices ?? 0);

export function printTrips(rows: readonly TripRow[], units: number, log: (line: string) => void): void {
  const header = ['action', 'cold', 'warm', 'warm, database', 'budget', 'of which open API / storage (cold)'];
  const body = rows.map((r) => {
    const db = warmDbTrips(r);
    const verdict = r.budget === null || db === null ? '' : db <= r.budget ? ' ✓' : ` ✗ (+${db - r.budget})`;
    return [
      r.action,
      String(r.cold),
      r.warm === null ? '–' : String(r.warm),
      db === null ? '–' : String(db),
      r.budget === null ? '–' : `≤ ${r.budget}${verdict}`,
      String(r.services),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]?.length ?? 0)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  log('');
  log(
    `Cloud round trips per action (${units} units × 20 metrics; real wx-server-sdk over the emulated CloudBase):`,
  );
  log(line(header));
  log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const b of body) log(line(b));
  log(
    'cold: first call on a new function instance (it loads the campaign); warm: the same call again on it ' +
      '(post.create: the next post; "uncached": the leaderboard after a post from another instance; ' +
      '"last posted elsewhere": the next post after another instance posted for the unit).',
  );
  log(
    'Budgets are for the warm instance, database round trips only (a post also asks WeChat to check its text).',
  );
}

export const benchUnits = (): number => {
  const raw = process.env.BENCH_UNITS;
  if (raw !== undefined && raw !== '') return Number(raw);
  return process.env.BENCH_QUICK === '1' ? 40 : 500;
};

if (require.main === module) {
  const units = benchUnits();
  const started = Date.now();
  cloudRoundTrips(units).then(
    (rows) => {
      printTrips(rows, units, console.log);
      console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
