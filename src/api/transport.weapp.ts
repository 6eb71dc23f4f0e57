/** WeChat transport: the `arena` cloud function, which knows the caller by OPENID (no token needed). */
import Taro from '@tarojs/taro';
import type { Transport } from './transport.types';
import { networkError } from './errors';
import { requireCloudEnv } from './platform.weapp';

export const transport: Transport = async ({ action, data }) => {
  // A build without a cloud environment says so, rather than reporting a lost connection.
  requireCloudEnv();
  try {
    const res = await Taro.cloud.callFunction({ name: 'arena', data: { action, data } });
    return res.result as unknown;
  } catch {
    throw networkError();
  }
};
