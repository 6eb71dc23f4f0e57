/**
 * The real wx-server-sdk of this process, initialised as a cloud function initialises it. Call it after
 * an emulation is installed: `init` is where the SDK would otherwise look up where it runs.
 */
import cloud from 'wx-server-sdk';
import type { WxCloud } from '../../adapters/cloudbase/cloud-types';

export function sdkCloud(): WxCloud {
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  return cloud;
}
