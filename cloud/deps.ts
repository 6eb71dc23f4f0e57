/**
 * The WeChat cloud host's wiring, as server/start.ts is the self-hosted server's: everything the use
 * cases need, built from wx-server-sdk's `cloud` object — the Store on `cloud.database()`, msgSecCheck,
 * mediaCheckAsync, whose photo a fileID is, cloud-storage URLs and subscription messages
 * (adapters/cloudbase), ids and clock (adapters/node), settings from the environment (./settings.ts).
 * Both cloud functions build their deps here, once per instance; tests pass a fake `cloud` and their own clock.
 *
 * This folder sits beside server/, not under cloudfunctions/: WeChat DevTools takes every folder there
 * for a cloud function to upload. `npm run build:functions` bundles it into each function's index.js.
 */
import type { Result } from '../core/contract';
import type { Clock, Deps, Ids, Workbooks } from '../core/app/ports';
import { nodeIds, systemClock } from '../adapters/node';
import type { WxCloud } from '../adapters/cloudbase/cloud-types';
import type { WxDatabase } from '../adapters/cloudbase/wx-types';
import { createCloudFiles } from '../adapters/cloudbase/files';
import { createMsgSecGuard } from '../adapters/cloudbase/guard';
import { createMediaCheckGuard } from '../adapters/cloudbase/photo-guard';
import { createCloudPhotoRefs } from '../adapters/cloudbase/photo-refs';
import { createSubscribeNotifier } from '../adapters/cloudbase/notifier';
import { createCloudStore } from '../adapters/cloudbase/store';
import { readCloudSettings, type CloudSettings, type Env } from './settings';

/** One JSON line per entry: the cloud console's log search reads fields from it. */
export const jsonLog = (entry: Record<string, unknown>): void => {
  const line = JSON.stringify({ time: new Date().toISOString(), ...entry });
  if (entry.level === 'error' || entry.level === 'warn') console.error(line);
  else console.log(line);
};

export interface CloudDepsOptions {
  cloud: Pick<WxCloud, 'database' | 'openapi' | 'getTempFileURL' | 'getWXContext'>;
  env: Env;
  clock?: Clock;
  ids?: Ids;
  log?: (entry: Record<string, unknown>) => void;
  /**
   * The export's writer: only the arena function passes one (adapters/excel), so that the timer's bundle
   * carries no exceljs; a function without it refuses exports.
   */
  workbooks?: Workbooks;
}

/** A cloud function's `main`: the event and the invocation context in, the contract's envelope out. */
export type CloudMain = (event: unknown, context?: unknown) => Promise<Result<unknown>>;

export interface CloudDeps {
  deps: Deps;
  config: CloudSettings;
  /** The database the store uses (setup creates its collections). */
  db: WxDatabase;
  /** Runs one call of the function: the store reads each version document once in it (adapters/cloudbase/warm.ts). */
  invocation<T>(fn: () => Promise<T>): Promise<T>;
}

export function createCloudDeps(options: CloudDepsOptions): CloudDeps {
  const { cloud, env, clock = systemClock, ids = nodeIds, log = jsonLog, workbooks } = options;
  const config = readCloudSettings(env);
  for (const problem of config.problems) log({ level: 'warn', msg: 'setting ignored', problem });
  for (const warning of config.warnings) log({ level: 'warn', msg: 'setting warning', warning });
  const db = cloud.database();
  // A warm instance keeps cities and users while the version document it reads anyway vouches for them:
  // a role change or a current-campaign switch on any instance takes effect on the next call.
  const store = createCloudStore({ db, newId: ids.newId, warm: true });
  const deps: Deps = {
    store,
    clock,
    ids,
    settings: config.settings,
    log,
    guard: createMsgSecGuard({ openapi: cloud.openapi, log }),
    files: createCloudFiles({ getTempFileURL: (o) => cloud.getTempFileURL(o), log }),
    // The environment is the invocation's: getWXContext() is read per call, never at load time.
    photoRefs: createCloudPhotoRefs({ currentEnv: () => cloud.getWXContext().ENV || undefined }),
    photoGuard: createMediaCheckGuard({ openapi: cloud.openapi, getTempFileURL: (o) => cloud.getTempFileURL(o), log }),
    notifiers: [
      createSubscribeNotifier({
        openapi: cloud.openapi,
        templates: config.templates,
        page: config.page,
        miniprogramState: config.miniprogramState,
        log,
      }),
    ],
    ...(workbooks ? { workbooks } : {}),
  };
  return { deps, config, db, invocation: (fn) => store.invocation(fn) };
}
