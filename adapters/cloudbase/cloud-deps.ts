/**
 * Everything the use cases need, wired from wx-server-sdk's `cloud` object: the Store on
 * `cloud.database()`, msgSecCheck, mediaCheckAsync, whose photo a fileID is, cloud-storage URLs and
 * subscription messages, ids and clock from adapters/node, settings from the environment. Both cloud
 * functions build their deps here, once per instance; tests pass a fake `cloud` and their own clock.
 */
import type { Clock, Deps, Ids } from '../../core/app/ports';
import { nodeIds, systemClock } from '../node';
import type { WxCloud } from './cloud-types';
import type { WxDatabase } from './wx-types';
import { readCloudSettings, type CloudSettings, type Env } from './cloud-settings';
import { createCloudFiles } from './files';
import { createMsgSecGuard } from './guard';
import { createMediaCheckGuard } from './photo-guard';
import { createCloudPhotoRefs } from './photo-refs';
import { createSubscribeNotifier } from './notifier';
import { createCloudStore } from './store';

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
}

export interface CloudDeps {
  deps: Deps;
  config: CloudSettings;
  /** The database the store uses (setup creates its collections). */
  db: WxDatabase;
}

export function createCloudDeps(options: CloudDepsOptions): CloudDeps {
  const { cloud, env, clock = systemClock, ids = nodeIds, log = jsonLog } = options;
  const config = readCloudSettings(env);
  for (const problem of config.problems) log({ level: 'warn', msg: 'setting ignored', problem });
  const db = cloud.database();
  const deps: Deps = {
    store: createCloudStore({ db, newId: ids.newId }),
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
  };
  return { deps, config, db };
}
