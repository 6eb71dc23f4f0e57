/**
 * The store the app's tests run on: SQLite in memory, the very adapter the self-hosted server uses, so a
 * use case is never tested against a store that behaves unlike a real one. Closed after the test file.
 */
import type { Store } from '../../core/app/ports';
import { createSqliteStore, type SqliteStore } from '../../adapters/sqlite';

const opened: SqliteStore[] = [];

afterAll(() => {
  for (const s of opened.splice(0)) s.close();
});

export function memoryStore(): Store {
  const s = createSqliteStore({ file: ':memory:' });
  opened.push(s);
  return s.store;
}
