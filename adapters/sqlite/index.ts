/** The SQLite Store adapter: what the self-hosted server and the benchmarks wire in. */
export { createSqliteStore, type SqliteStore, type SqliteStoreOptions } from './store';
export { migrate, readMigrations, defaultMigrationsDir, type Migration } from './migrate';
export { openDatabase } from './open';
/** Benchmarks only: figures without posts. */
export { bulkLoadFigures } from './bulk';
