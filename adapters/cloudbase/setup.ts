/**
 * Creates the Store's collections on a fresh cloud environment (the cloud refuses reads and writes to a
 * collection that does not exist). Safe to run again: a collection that exists is left as it is.
 * For an admin `setup` action or a deploy script; indexes and rules still come from the JSON files.
 */
import { collections } from './collections';
import type { WxDatabase } from './wx-types';

function alreadyExists(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { code, errMsg, message } = e as { code?: unknown; errMsg?: unknown; message?: unknown };
  const text = `${String(errMsg ?? '')} ${String(message ?? '')}`;
  return (
    code === 'DATABASE_COLLECTION_ALREADY_EXIST' || /already exist|ResourceExist|Table exist/i.test(text)
  );
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
      if (!alreadyExists(e)) throw e;
    }
  }
  return created;
}
