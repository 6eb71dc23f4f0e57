/**
 * Reading from the cloud database the way it answers, and telling its errors apart. With wx-server-sdk
 * 4.0.2 every database failure is an Error with a numeric `errCode` and no string `code`, except one: a
 * conflict at commit, which `runTransaction` rethrows as the server's own `{ code, message }` object.
 * `doc().get()` rejects for a missing document (unless the db was made with `throwOnNotFound: false`).
 * A query answers 100 documents unless given a limit (at most 1000); lists are read in pages of 100,
 * keyed on a field that is unique within the filter, which keeps each answer well under the 1 MB a
 * function may receive.
 */
import type { WxData, WxDatabase, WxDocRef } from './wx-types';

/** Documents per query page. */
export const PAGE = 100;

function message(e: unknown): string {
  if (typeof e !== 'object' || e === null) return String(e);
  const { errMsg, message: msg } = e as { errMsg?: unknown; message?: unknown };
  return `${String(errMsg ?? '')} ${String(msg ?? '')}`;
}

const field = (e: unknown, name: 'code' | 'errCode'): unknown =>
  typeof e === 'object' && e !== null ? (e as Record<string, unknown>)[name] : undefined;

/**
 * A missing document: wx-server-sdk itself rejects `doc().get()` with errCode -1 and
 * "document with _id … does not exist" (a missing collection, -502005, is a setup error and surfaces).
 */
export function isNotFound(e: unknown): boolean {
  return field(e, 'errCode') === -1 && /document with _id .* does not exist/.test(message(e));
}

/**
 * A write conflict between transactions, in both shapes: the server's object with code
 * DATABASE_TRANSACTION_CONFLICT (a conflict at commit), or the SDK's Error with errCode -501001 around the
 * server's "[ResourceUnavailable.TransactionConflict] …" (a conflict at a write).
 */
export function isConflict(e: unknown): boolean {
  return field(e, 'code') === 'DATABASE_TRANSACTION_CONFLICT' || /TransactionConflict/.test(message(e));
}

/** A document or null, inside or outside a transaction. */
export async function readDoc(ref: WxDocRef): Promise<WxData | null> {
  try {
    const { data } = await ref.get();
    return data ?? null;
  } catch (e) {
    if (isNotFound(e)) return null;
    throw e;
  }
}

/**
 * Every document matching `where`, in `key` order, 100 at a time: each page asks for `key` past the
 * last one seen, which stays correct and cheap however many documents there are (no growing skip).
 * `key` must be unique among the matches (`_id`, or `day` within one unit). With `fields`, only those
 * fields (and `_id` and `key`) come back: for documents too big to read whole in a list.
 */
export async function readAll(
  db: WxDatabase,
  collection: string,
  where: Record<string, unknown>,
  key = '_id',
  fields?: Record<string, boolean>,
): Promise<WxData[]> {
  const out: WxData[] = [];
  let last: unknown;
  for (;;) {
    const cond = last === undefined ? where : { ...where, [key]: db.command.gt(last) };
    const query =
      Object.keys(cond).length > 0 ? db.collection(collection).where(cond) : db.collection(collection);
    const page = query.orderBy(key, 'asc').limit(PAGE);
    const { data } = await (fields ? page.field({ ...fields, [key]: true }) : page).get();
    out.push(...data);
    if (data.length < PAGE) return out;
    const next = data[data.length - 1]?.[key];
    if (next === undefined || next === last)
      throw new Error(`readAll(${collection}): the key ${key} does not advance`);
    last = next;
  }
}

/**
 * The documents of these `_id`s that also match `where` (missing ones left out, in no particular order):
 * one query per 100 ids, `_.in` on the `_id` index. A feed page's posts or reactions cost one query,
 * however many documents the collection holds.
 */
export async function readByIds(
  db: WxDatabase,
  collection: string,
  ids: readonly string[],
  where: Record<string, unknown> = {},
): Promise<WxData[]> {
  const unique = [...new Set(ids)];
  const out: WxData[] = [];
  for (let i = 0; i < unique.length; i += PAGE) {
    const batch = unique.slice(i, i + PAGE);
    const { data } = await db
      .collection(collection)
      .where({ ...where, _id: db.command.in(batch) })
      .limit(batch.length)
      .get();
    out.push(...data);
  }
  return out;
}

/** Runs `fn` over `items`, `width` at a time: the cloud limits concurrent requests per function. */
export async function inBatches<T>(
  items: readonly T[],
  width: number,
  fn: (item: T) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map(fn));
}
