#!/usr/bin/env node
// `npm test` step: build the mini-program for WeChat (dist/weapp) and for the browser (dist/h5)
// from the same pages. One after the other: each takes about 1.3 GB at its peak.
import { buildTarget } from './ensure-h5.mjs';

for (const type of ['weapp', 'h5']) {
  if (!buildTarget(type)) {
    console.error(`✗ taro build --type ${type} failed`);
    process.exit(1);
  }
}
