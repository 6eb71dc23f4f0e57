/**
 * What the documents of the tasks, reviews and social slices share (./tasks.ts, ./problems.ts,
 * ./reviews.ts, ./social.ts and their parts): their schema version and the one read path that checks it,
 * and telling a refused insert of an existing `_id` apart. These collections were added at schema
 * version 2 (./schema.ts), so every one of their documents carries `_v` (each write sets it with
 * `stamped`, as the other versioned documents do): one without it was not written by this store, one of a
 * newer version by a newer program, and both are refused rather than guessed at.
 * A later version that changes these shapes upgrades them here.
 */
import { SCHEMA_UNKNOWN, SCHEMA_VERSION, tooNew, versionOf } from './schema';
import { readAll, readDoc } from './reads';
import type { WxData, WxDatabase, WxDocRef } from './wx-types';

/** The first schema version these collections have. */
const SINCE = 2;

/** The document as this version reads it; throws for one it cannot know. */
export function current(collection: string, doc: WxData): WxData {
  const version = versionOf(collection, doc);
  if (version > SCHEMA_VERSION) throw tooNew(collection, doc, version);
  if (version < SINCE)
    throw Object.assign(
      new Error(
        `数据版本无法识别（${collection}/${String(doc._id)}：缺少 _v，这类数据从第 ${SINCE} 版起才有），请检查这条数据`,
      ),
      { code: SCHEMA_UNKNOWN },
    );
  return doc;
}

/** One document, checked; null when missing. Works inside a transaction. */
export async function readCurrent(collection: string, ref: WxDocRef): Promise<WxData | null> {
  const doc = await readDoc(ref);
  return doc ? current(collection, doc) : null;
}

/** Every matching document (./reads.ts `readAll`, paged past 100, only `fields` when given), checked. */
export async function readAllCurrent(
  db: WxDatabase,
  collection: string,
  match: Record<string, unknown>,
  key = '_id',
  fields?: Record<string, boolean>,
): Promise<WxData[]> {
  const docs = await readAll(db, collection, match, key, fields && { ...fields, _v: true });
  return docs.map((doc) => current(collection, doc));
}

/** The server refused an insert of an `_id` that exists (MongoDB's E11000 on the `_id_` index). */
export function isDuplicate(e: unknown): boolean {
  const { errMsg, message } = (e ?? {}) as { errMsg?: unknown; message?: unknown };
  return /E11000|duplicate key/i.test(`${String(errMsg ?? '')} ${String(message ?? '')}`);
}

/** Code-unit order, as the database sorts strings (not the locale's). */
export const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
