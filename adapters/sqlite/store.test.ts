// The Store contract suite on SQLite, in memory and on a file (WAL, synchronous=FULL).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeStore } from '../../tests/store/suite';
import { createSqliteStore } from './store';

describeStore('sqlite (:memory:)', async () => createSqliteStore({ file: ':memory:' }));

describeStore('sqlite (file)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'arena-store-'));
  const s = createSqliteStore({ file: join(dir, 'arena.db') });
  return {
    store: s.store,
    close: () => {
      s.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
