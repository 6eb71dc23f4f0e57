/**
 * Wires the self-hosted arena: the SQLite store in DATA_DIR, the core router, the demo seed on first
 * start, the HTTP app, and a listening server. main.ts and the API tests both start it this way.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createSqliteStore } from '../adapters/sqlite';
import { createArena } from '../core/app';
import { seedDemo } from '../core/app/demo';
import type { Deps, Store } from '../core/app/ports';
import { buildApp } from './app';
import { createFilesRoute, signedInVia } from './files';
import { createServerPhotoRefs } from './photo-refs';
import type { ServerConfig } from './config';
import { listen } from './listen';
import { errorFields, type Log } from './log';
import { createLocalGuard, createScryptPasswords, nodeIds, systemClock } from '../adapters/node';
import { createWebhookNotifier } from '../adapters/webhook';
import { elapsedTimer, fixedClock } from './platform';
import { startScheduler } from './scheduler';

export interface StartOptions {
  config: ServerConfig;
  log: Log;
  /** The H5 build; defaults to `dist/h5` beside the code when it exists. */
  staticRoot?: string | null;
  /** Tests wrap the store, e.g. to make it fail. */
  decorateStore?: (store: Store) => Store;
}

export interface RunningArena {
  url: string;
  port: number;
  store: Store;
  /** Stops accepting, finishes the requests in flight, then closes the database. */
  stop(): Promise<void>;
}

const defaultStaticRoot = (): string | null => {
  const root = join(__dirname, '..', 'dist', 'h5');
  return existsSync(join(root, 'index.html')) ? root : null;
};

export async function startArena(options: StartOptions): Promise<RunningArena> {
  const { config, log } = options;
  mkdirSync(config.dataDir, { recursive: true });
  const filesDir = join(config.dataDir, 'files');
  const sqlite = createSqliteStore({ file: join(config.dataDir, 'arena.db') });
  try {
    const store = options.decorateStore ? options.decorateStore(sqlite.store) : sqlite.store;
    const deps: Deps = {
      store,
      clock: config.fixedNow === null ? systemClock : fixedClock(config.fixedNow),
      timer: elapsedTimer,
      ids: nodeIds,
      settings: {
        demo: config.demo,
        rateLimitPerMinute: config.rateLimitPerMinute,
        sessionTtlMs: config.sessionTtlMs,
      },
      passwords: createScryptPasswords(),
      guard: createLocalGuard(),
      // A post names only its author's own uploads. The local guard checks no images: photos stay as posted.
      photoRefs: createServerPhotoRefs(filesDir),
      notifiers: config.webhookUrl ? [createWebhookNotifier({ url: config.webhookUrl })] : [],
      log: ({ level, msg, ...fields }) =>
        log(level === 'error' || level === 'warn' ? level : 'info', String(msg ?? 'core'), fields),
    };
    const seeded = await seedDemo(deps);
    if (seeded.seeded)
      log('info', 'demo campaign seeded', { campaignId: seeded.campaignId, posts: seeded.posts });

    const staticRoot = options.staticRoot === undefined ? defaultStaticRoot() : options.staticRoot;
    const health = async () => {
      // The first city's current campaign: what a visitor sees first (one city, as a rule, per server).
      const campaignId = (await store.campaigns.listCities())[0]?.currentCampaignId ?? null;
      return {
        campaignId,
        dataVersion: campaignId ? await store.standings.dataVersion(campaignId) : null,
        demo: config.demo,
        now: new Date(deps.clock.now()).toISOString(),
      };
    };
    const arena = createArena(deps);
    // Photos from the H5 app: images only (checked by content), 5 MB at most, signed-in users only.
    const files = createFilesRoute({
      dir: filesDir,
      maxBytes: 5 * 1024 * 1024,
      authenticate: signedInVia(arena),
    });
    const app = buildApp({ arena, log, staticRoot, health, files });
    const server = await listen(app.fetch, config.host, config.port);
    const scheduler = config.scheduler ? startScheduler(deps, log) : null;
    log('info', 'listening', {
      url: server.url,
      dataDir: config.dataDir,
      demo: config.demo,
      h5: staticRoot !== null,
    });
    return {
      url: server.url,
      port: server.port,
      store,
      stop: async () => {
        scheduler?.stop();
        await server.close();
        sqlite.close();
      },
    };
  } catch (error) {
    log('error', 'start failed', errorFields(error));
    sqlite.close();
    throw error;
  }
}
