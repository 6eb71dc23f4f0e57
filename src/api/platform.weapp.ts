/** WeChat: the cloud is initialised once before the first callFunction, and the caller is known by OPENID. */
import Taro from '@tarojs/taro';

export function initPlatform(): void {
  const env = process.env.TARO_APP_CLOUD_ENV;
  Taro.cloud.init({ ...(env ? { env } : {}), traceUser: true });
}

/** WeChat knows the caller by OPENID; a token from a demo login would change nothing. */
export const signsInWithToken = false;
