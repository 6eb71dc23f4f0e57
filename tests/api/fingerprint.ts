/**
 * What a SQLite database holds, as one value to compare: every row of every table, in rowid order. Two
 * equal fingerprints mean not one row was written, changed or removed in between.
 */
import type { Database } from 'better-sqlite3';

export function fingerprint(db: Database, omit: readonly string[] = []): Record<string, unknown[]> {
  const tables = db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all();
  return Object.fromEntries(
    tables
      .filter(({ name }) => !omit.includes(name))
      .map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}"`).all()]),
  );
}
