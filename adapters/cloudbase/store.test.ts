// The Store contract suite on the CloudBase adapter through the real wx-server-sdk 4.0.2, answered by the
// in-memory CloudBase server (tests/cloudbase): once as `cloud.database()` comes by default (a missing
// document rejects), once with `throwOnNotFound: false` and jittered latency, so that interleavings differ.
import { describeStore } from '../../tests/store/suite';
import { emulate } from '../../tests/cloudbase/setup';
import { collections } from './collections';
import { createCloudStore } from './store';

let made = 0;

describeStore('cloudbase (real SDK, emulated server)', async () => {
  const env = emulate({ collections: Object.values(collections), env: `store-${(made += 1)}` });
  return { store: createCloudStore({ db: env.db }), close: env.done };
});

describeStore('cloudbase (real SDK, emulated server, throwOnNotFound: false, jitter)', async () => {
  const env = emulate({
    collections: Object.values(collections),
    env: `store-${(made += 1)}`,
    throwOnNotFound: false,
    jitter: 4,
    seed: made,
  });
  return { store: createCloudStore({ db: env.db }), close: env.done };
});

// A warm instance's store (cities and users kept, ./warm.ts), one call per store operation: every case
// must read what another writer changed, so nothing kept may outlive a change.
describeStore('cloudbase (real SDK, emulated server, warm instance)', async () => {
  const env = emulate({
    collections: Object.values(collections),
    env: `store-${(made += 1)}`,
    jitter: 2,
    seed: made,
  });
  return { store: createCloudStore({ db: env.db, warm: true }), close: env.done };
});
