/**
 * The cloud the simulated phone calls: the built `arena` and `arena-cron` functions (npm run
 * build:functions) on the real wx-server-sdk over the CloudBase emulation (tests/cloudbase). The one
 * seam between the mini-program and its back end is `Backend`: a function name, the event, the caller.
 */
import { createCloudEmulator, loadFunctionBundle, type CloudEmulator } from '../cloudbase/emulator';
import settings from './build-settings.json';

/** What wx.cloud.callFunction reaches: (function name, event data, caller's OPENID or null) → result. */
export type Backend = (name: string, data: unknown, openid: string | null) => Promise<unknown>;

export const TASK_KEY = 'weapp-test-task-key';
/** The settings dist/weapp is built with for these tests (scripts/test-build.mjs). */
export const BUILD = settings;
/** The subscription template the test build asks for and the function sends. */
export const TEMPLATE = settings.TARO_APP_TPL_NO_POST;

/** The functions' environment variables, as set in the cloud console. */
const functionEnv = {
  ARENA_DEMO: '1',
  ARENA_TASK_KEY: TASK_KEY,
  ARENA_TPL_NO_POST: TEMPLATE,
};

export interface Cloud {
  backend: Backend;
  emulator: CloudEmulator;
  /** Removes the emulation from the SDK. */
  dispose(): void;
}

export function startCloud(): Cloud {
  const emulator = createCloudEmulator();
  const undo = emulator.install();
  const functions = new Map(
    ['arena', 'arena-cron'].map((name) => [name, loadFunctionBundle(name, { env: functionEnv })] as const),
  );
  const backend: Backend = async (name, data, openid) => {
    const main = functions.get(name);
    // What WeChat answers for a function the environment does not have.
    if (!main)
      throw Object.assign(new Error(`FunctionName parameter could not be found (${name})`), {
        errCode: -501000,
      });
    return emulator.asCaller(openid, () => main(data, { function_name: name }));
  };
  return { backend, emulator, dispose: undo };
}
