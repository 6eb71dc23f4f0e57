// The Store contract suite on the CloudBase adapter, over the in-memory double of the wx-server-sdk
// database (tests/wx): once as `cloud.database()` comes by default (a missing document rejects), once as
// `cloud.database({ throwOnNotFound: false })` with jittered latency, so interleavings differ.
import { describeStore } from '../../tests/store-contract';
import { createDbDouble } from '../../tests/wx/db-double';
import { createCloudStore } from './store';

describeStore('cloudbase (wx db double)', async () => ({
  store: createCloudStore({ db: createDbDouble().db }),
}));

describeStore('cloudbase (wx db double, throwOnNotFound: false, jitter)', async () => ({
  store: createCloudStore({ db: createDbDouble({ throwOnNotFound: false, jitter: 4, seed: 7 }).db }),
}));
