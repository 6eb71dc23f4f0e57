/**
 * The usual frame of a test over the emulation: a fresh server and WeChat side per test, installed under
 * the real SDK, and that SDK's `cloud` and `cloud.database()`; `done()` uninstalls.
 */
import type { WxCloud } from '../../adapters/cloudbase/cloud-types';
import type { WxDatabase } from '../../adapters/cloudbase/wx-types';
import { sdkCloud } from './cloud';
import { createCloudEmulator, type CloudEmulator } from './emulator';
import { createCloudDbServer, type CloudDbServer, type CloudDbServerOptions } from './server';
import { createWxServices, type WxServices } from './wx-services';

export interface Emulated {
  emulator: CloudEmulator;
  server: CloudDbServer;
  services: WxServices;
  cloud: WxCloud;
  db: WxDatabase;
  done: () => void;
}

export interface EmulateOptions extends CloudDbServerOptions {
  /** As `cloud.database({ throwOnNotFound })`. */
  throwOnNotFound?: boolean;
  /** The environment id; emulations alive at once need distinct ones (default `test-env`). */
  env?: string;
}

export function emulate(options: EmulateOptions = {}): Emulated {
  const { throwOnNotFound, env = 'test-env', ...serverOptions } = options;
  const server = createCloudDbServer(serverOptions);
  const services = createWxServices();
  const emulator = createCloudEmulator({ server, services, env });
  const done = emulator.install();
  const cloud = sdkCloud();
  // Named by its environment, the database stays this emulation's while others are installed.
  const db = cloud.database(throwOnNotFound === undefined ? { env } : { env, throwOnNotFound });
  return { emulator, server, services, cloud, db, done };
}
