// The `arena` cloud function: the mini-program's one entry (`Taro.cloud.callFunction({ name: 'arena',
// data: { action, data } })`). `npm run build:functions` bundles this file into index.js beside it.
import cloud from 'wx-server-sdk';
import { createArenaMain } from './handler';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

export const main = createArenaMain({ cloud, env: process.env });
