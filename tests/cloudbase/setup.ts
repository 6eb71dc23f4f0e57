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

export function emulate(options: CloudDbServerOptions & { throwOnNotFound?: boolean } = {}): Emulated {
  const { throwOnNotFound, ...serverOptions } = options;
  const server = createCloudDbServer(serverOptions);
  const services = createWxServices();
  const emulator = createCloudEmulator({ server, services });
  const done = emulator.install();
  const cloud = sdkCloud();
  const db = throwOnNotFound === undefined ? cloud.database() : cloud.database({ throwOnNotFound });
  return { emulator, server, services, cloud, db, done };
}
