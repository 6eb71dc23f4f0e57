// The `arena-cron` cloud function: the hourly timer (config.json) that sends the reminders due, and the
// operator's console tasks. `npm run build:functions` bundles this file into index.js beside it.
import cloud from 'wx-server-sdk';
import { createCronMain } from './handler';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

export const main = createCronMain({ cloud, env: process.env });
