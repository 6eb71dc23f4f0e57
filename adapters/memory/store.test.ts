// The Store contract suite on the in-memory store the app's tests use.
import { describeStore } from '../../tests/store-contract';
import { createMemoryStore } from './store';

describeStore('memory', async () => ({ store: createMemoryStore() }));
