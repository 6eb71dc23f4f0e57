/**
 * WeChat: the cloud is initialised once before the first callFunction, and the caller is known by OPENID.
 * The environment id is a build-time setting (.env, README「小程序构建设置」); a build without one starts
 * and says so on every screen instead of calling an environment nobody chose.
 */
// First: the contract's schemas are built without eval (./zod-config.ts).
import './zod-config';
import Taro from '@tarojs/taro';
import { ApiCallError } from './errors';

/** Substituted by Taro at build time: `.env` declares the key, so it is never left as `process.env`. */
export const cloudEnv: string = (process.env.TARO_APP_CLOUD_ENV ?? '').trim();

export const cloudEnvMissingText =
  '小程序还没有设置云开发环境（构建时的 TARO_APP_CLOUD_ENV），暂时无法连接。请联系管理员。';

export function initPlatform(): void {
  if (!cloudEnv) {
    console.warn(
      'TARO_APP_CLOUD_ENV is not set: build with `TARO_APP_CLOUD_ENV=<env id> npm run build:weapp`',
    );
    return;
  }
  Taro.cloud.init({ env: cloudEnv, traceUser: true });
}

/** Thrown before any cloud call when the build has no environment: the page shows it where data would be. */
export function requireCloudEnv(): void {
  if (!cloudEnv) throw new ApiCallError('INTERNAL', cloudEnvMissingText);
}

/** WeChat knows the caller by OPENID; a token from a demo login would change nothing. */
export const signsInWithToken = false;
