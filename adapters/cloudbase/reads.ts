/**
 * Reading from the cloud database the way it answers: `doc().get()` rejects for a missing document
 * (unless the db was made with `throwOnNotFound: false`), and a query answers at most 100 documents,
 * so lists are read page by page, keyed on a field that is unique within the filter.
 */
import type { WxData, WxDatabase, WxDocRef } from './wx-types';

/** The server SDK's cap on one `get()` in a cloud function. */
export const PAGE = 100;

function message(e: unknown): string {
  if (typeof e !== 'object' || e === null) return String(e);
  const { errMsg, message: msg } = e as { errMsg?: unknown; message?: unknown };
  return `${String(errMsg ?? '')} ${String(msg ?? '')}`;
}

const codeOf = (e: unknown): unknown =>
  typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;

/** A missing document (not a missing collection, which is a setup error and must surface). */
export function isNotFound(e: unknown): boolean {
  return (
    codeOf(e) === 'DATABASE_DOCUMENT_NOT_EXIST' ||
    /cannot find document|document with _id .* does not exist/i.test(message(e))
  );
}

export function isConflict(e: unknown): boolean {
  return codeOf(e) === 'DATABASE_TRANSACTION_CONFLICT' || /TransactionConflict/.test(message(e));
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
 * `key` must be unique among the matches (`_id`, or `day` within one unit).
 */
export async function readAll(
  db: WxDatabase,
  collection: string,
  where: Record<string, unknown>,
  key = '_id',
): Promise<WxData[]> {
  const out: WxData[] = [];
  let last: unknown;
  for (;;) {
    const cond = last === undefined ? where : { ...where, [key]: db.command.gt(last) };
    const query =
      Object.keys(cond).length > 0 ? db.collection(collection).where(cond) : db.collection(collection);
    const { data } = await query.orderBy(key, 'asc').limit(PAGE).get();
    out.push(...data);
    if (data.length < PAGE) return out;
    const next = data[data.length - 1]?.[key];
    if (next === undefined || next === last)
      throw new Error(`readAll(${collection}): the key ${key} does not advance`);
    last = next;
  }
}

/** Runs `fn` over `items`, `width` at a time: the cloud limits concurrent requests per function. */
export async function inBatches<T>(
  items: readonly T[],
  width: number,
  fn: (item: T) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map(fn));
}
