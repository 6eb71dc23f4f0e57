/**
 * Opens a database with the pragmas the arena relies on: WAL (readers never block the writer),
 * synchronous=FULL (an acknowledged post survives a power cut), foreign keys, and a busy timeout
 * so a second connection waits for a lock instead of failing at once. Memory-mapped reads keep a day's
 * close (one index seek per unit and metric into a large daily_figures) off the read() syscalls.
 *
 * better-sqlite3 waits for a lock synchronously, which stops the whole Node event loop. The long wait is
 * for opening and migrating, before anything is served; a serving store lowers it to `serveBusyTimeoutMs`
 * and waits for the rest asynchronously (./store.ts).
 */
import BetterSqlite3, { type Database } from 'better-sqlite3';

/** The lock wait while opening and migrating (nothing is served yet). */
export const busyTimeoutMs = 5000;
/** The lock wait per attempt while serving: the longest a locked database holds up every other request. */
export const serveBusyTimeoutMs = 20;
const mmapBytes = 256 * 1024 * 1024;

export function openDatabase(file: string): Database {
  const db = new BetterSqlite3(file);
  try {
    db.pragma('journal_mode = WAL'); // an in-memory database answers "memory": nothing to persist
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    db.pragma(`mmap_size = ${mmapBytes}`);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
