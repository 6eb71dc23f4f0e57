/**
 * Creates the Store's collections on a fresh cloud environment (the cloud refuses reads and writes to a
 * collection that does not exist). Safe to run again: a collection that exists is left as it is.
 * For an admin `setup` action or a deploy script; indexes and rules still come from the JSON files.
 */
import { collections } from './collections';
import type { WxDatabase } from './wx-types';

/**
 * Whether `name` exists. wx-server-sdk reports "already exists" as a generic -501001 whose text is the
 * server's, so rather than read the text, a failed create is followed by a count, which only an
 * existing collection answers.
 */
async function exists(db: WxDatabase, name: string): Promise<boolean> {
  try {
    await db.collection(name).limit(1).count();
    return true;
  } catch {
    return false;
  }
}

/** The names created now (the others existed). */
export async function ensureCollections(
  db: WxDatabase,
  names: readonly string[] = Object.values(collections),
): Promise<string[]> {
  const created: string[] = [];
  for (const name of names) {
    try {
      await db.createCollection(name);
      created.push(name);
    } catch (e) {
      if (!(await exists(db, name))) throw e;
    }
  }
  return created;
}
