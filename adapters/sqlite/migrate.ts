/**
 * Forward-only schema migrations: numbered `.sql` files in ./migrations, applied in order in one
 * transaction and recorded in `schema_migrations`. A database that has applied a migration this code
 * does not know, or skipped one it does, is refused: running on it could corrupt it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';

export interface Migration {
  /** The file name without `.sql`, e.g. `0001_init`; the order is the order of the ids. */
  id: string;
  sql: string;
}

export const defaultMigrationsDir = join(__dirname, 'migrations');

const fileName = /^(\d{4}_[a-z0-9_]+)\.sql$/;

/** The migrations shipped in a folder, oldest first. */
export function readMigrations(dir: string = defaultMigrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .map((f) => {
      const m = fileName.exec(f);
      if (!m?.[1]) throw new Error(`迁移文件名不合规：${f}（应为 0001_name.sql）`);
      return { id: m[1], sql: readFileSync(join(dir, f), 'utf8') };
    })
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Applies what the database lacks; returns the ids it applied (none when up to date). */
export function migrate(db: Database, migrations: Migration[] = readMigrations()): string[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL) STRICT');
  const appliedIds = db.prepare<[], { id: string }>('SELECT id FROM schema_migrations ORDER BY id');
  const record = db.prepare<[string, string]>('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)');
  // Immediate: two processes starting on one file take turns, and the second finds nothing to do.
  return db
    .transaction(() => {
      const applied = appliedIds.all().map((r) => r.id);
      const pending = pendingAfter(applied, migrations.map((m) => m.id));
      for (const m of migrations.slice(applied.length)) {
        db.exec(m.sql);
        record.run(m.id, new Date().toISOString());
      }
      return pending;
    })
    .immediate();
}

/** The ids still to apply, or an error when the database is ahead of or out of step with the code. */
function pendingAfter(applied: string[], known: string[]): string[] {
  const unknown = applied.filter((id) => !known.includes(id));
  if (unknown.length > 0) {
    throw new Error(
      `数据库已应用本程序不认识的迁移：${unknown.join('、')}。它可能由更新版本的程序写入；请升级程序，或换一个数据目录。`,
    );
  }
  const gap = applied.findIndex((id, i) => id !== known[i]);
  if (gap >= 0) {
    throw new Error(`数据库的迁移记录与程序不一致：缺少 ${known[gap]}，却已应用 ${applied[gap]}。请检查数据目录。`);
  }
  return known.slice(applied.length);
}
