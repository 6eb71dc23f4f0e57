/**
 * Wires the self-hosted arena: the SQLite store in DATA_DIR, the core router, the demo seed on first
 * start, the HTTP app, and a listening server. main.ts and the API tests both start it this way.
 * A data directory or database that cannot be opened stops the start with a StartError naming the path
 * and the reason.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import { join } from 'node:path';
import { createSqliteStore, type SqliteStore } from '../adapters/sqlite';
import { createArena, demoOffNotice } from '../core/app';
import { seedDemo } from '../core/app/demo';
import type { Deps, Store } from '../core/app/ports';
import { buildApp } from './app';
import { StoreUnavailable } from '../core/app/unavailable';
import { createFilesRoute, signedInVia, type UploadFs } from './files';
import { createServerPhotoRefs } from './photo-refs';
import type { ServerConfig } from './config';
import { listen } from './listen';
import { errorFields, type Log } from './log';
import { createLocalGuard, createScryptPasswords, nodeIds, systemClock } from '../adapters/node';
import { createWebhookNotifier } from '../adapters/webhook';
import { createExcelWorkbooks } from '../adapters/excel';
import { elapsedTimer, fixedClock } from './platform';
import { startScheduler } from './scheduler';
import { sweepUploads, type SweepSummary } from './sweep';

export interface StartOptions {
  config: ServerConfig;
  log: Log;
  /** The H5 build; defaults to `dist/h5` beside the code when it exists. */
  staticRoot?: string | null;
  /** Tests wrap the store, e.g. to make it fail. */
  decorateStore?: (store: Store) => Store;
  /** Tests put a full disk behind uploads. */
  uploadFs?: UploadFs;
  /** Free bytes on the disk of the data directory; tests pretend it is full. */
  freeBytes?: (dir: string) => Promise<number>;
}

/** The environment cannot host the arena (a data directory or database that cannot be opened). */
export class StartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartError';
  }
}

/** Below this, `/healthz` reports the disk as full: a day of photos and posts no longer fits. */
export const MIN_FREE_BYTES = 32 * 1024 * 1024;

const diskFree = async (dir: string): Promise<number> => {
  const fs = await statfs(dir);
  return fs.bavail * fs.bsize;
};

/** Why SQLite could not open (or upgrade) the database, in Chinese, saying what to check. */
function openProblem(error: unknown): string {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_CANTOPEN') return '无法打开或创建该文件：请检查目录是否存在、服务器进程是否有读写权限';
  if (code === 'SQLITE_NOTADB')
    return '该文件不是 SQLite 数据库：可能被别的文件覆盖了，请从备份恢复或换一个数据目录';
  if (code.startsWith('SQLITE_CORRUPT')) return '数据库文件已损坏：请从备份恢复';
  if (code.startsWith('SQLITE_READONLY'))
    return '数据库只读，无法完成启动时的检查与升级：请检查文件和目录的写权限';
  if (code.startsWith('SQLITE_BUSY'))
    return '被其他进程锁定超过 5 秒：请检查是否有第二个实例或备份脚本正在使用它';
  if (code === 'SQLITE_FULL') return '磁盘已满：请清理磁盘空间';
  if (code.startsWith('SQLITE_IOERR')) return `读写出错（${code}）：请检查磁盘`;
  return /[\u4e00-\u9fa5]/.test(message) ? message : `打开失败：${message}`;
}

const startProblems = {
  locked: '被其他进程锁定：请检查是否有第二个实例或备份脚本正在使用它',
  'read-only': '数据库只读：请检查文件和目录的写权限',
  'disk-full': '磁盘已满：请清理磁盘空间',
} as const;

function openStore(file: string): SqliteStore {
  try {
    return createSqliteStore({ file });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new StartError(
      `无法打开数据库 ${file}：${openProblem(error)} / cannot open the database ${file}: ${detail}`,
    );
  }
}

export interface RunningArena {
  url: string;
  port: number;
  store: Store;
  /** Removes uploads no post uses (the scheduler runs it every hour). */
  sweepUploads(): Promise<SweepSummary>;
  /** Stops accepting, finishes the requests in flight, then closes the database. */
  stop(): Promise<void>;
}

const defaultStaticRoot = (): string | null => {
  const root = join(__dirname, '..', 'dist', 'h5');
  return existsSync(join(root, 'index.html')) ? root : null;
};

export async function startArena(options: StartOptions): Promise<RunningArena> {
  const { config, log } = options;
  try {
    mkdirSync(config.dataDir, { recursive: true });
  } catch (error) {
    const code = String((error as { code?: unknown }).code ?? error);
    throw new StartError(
      `无法创建数据目录 ${config.dataDir}（${code}）：请检查路径和权限，或用 DATA_DIR 指定另一个目录` +
        ` / cannot create the data directory ${config.dataDir}: ${code}`,
    );
  }
  const filesDir = join(config.dataDir, 'files');
  const sqlite = openStore(join(config.dataDir, 'arena.db'));
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
      workbooks: createExcelWorkbooks(),
      log: ({ level, msg, ...fields }) =>
        log(level === 'error' || level === 'warn' ? level : 'info', String(msg ?? 'core'), fields),
    };
    const seeded = await seedDemo(deps);
    if (seeded.seeded)
      log('info', 'demo campaign seeded', { campaignId: seeded.campaignId, posts: seeded.posts });
    // Demo mode off on data that has demo users: say what that disabled (they answer 401 from now on).
    const demoOff = await demoOffNotice(deps);
    if (demoOff) {
      const { level, msg, ...fields } = demoOff;
      log(level, msg, fields);
    }

    const staticRoot = options.staticRoot === undefined ? defaultStaticRoot() : options.staticRoot;
    const freeBytes = options.freeBytes ?? diskFree;
    const health = async () => {
      // Writable first: a database that reads fine but cannot take a post is not healthy.
      await sqlite.checkWritable();
      const free = await freeBytes(config.dataDir);
      if (free < MIN_FREE_BYTES) throw new StoreUnavailable('disk-full', `${free} bytes free`);
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
      quota: { filesPerDay: config.uploadFilesPerDay, bytesPerDay: config.uploadBytesPerDay },
      log,
      ...(options.uploadFs ? { fs: options.uploadFs } : {}),
    });
    const sweep = () => sweepUploads({ dir: filesDir, referenced: sqlite.referencedPhotos });
    const app = buildApp({ arena, log, staticRoot, health, files, trustProxy: config.trustProxy });
    const server = await listen(app.fetch, config.host, config.port);
    const scheduler = config.scheduler ? startScheduler(deps, log, sweep) : null;
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
      sweepUploads: sweep,
      stop: async () => {
        scheduler?.stop();
        await server.close();
        sqlite.close();
      },
    };
  } catch (error) {
    log('error', 'start failed', errorFields(error));
    sqlite.close();
    if (error instanceof StoreUnavailable) {
      const file = join(config.dataDir, 'arena.db');
      throw new StartError(
        `无法写入数据库 ${file}：${startProblems[error.reason]} / cannot write the database ${file}: ${error.message}`,
      );
    }
    throw error;
  }
}
