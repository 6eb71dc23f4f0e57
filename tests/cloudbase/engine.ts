/**
 * The MongoDB semantics of the emulated server, from mingo rather than written by hand: query matching,
 * sort, projection, update operators and aggregation pipelines. Documents are copied on the way in and
 * out, so nothing a caller holds aliases what is stored.
 */
import { aggregate, find, update } from 'mingo';
import type { Doc } from './tables';

export interface Selection {
  order?: Record<string, 1 | -1>;
  offset?: number;
  limit: number;
  projection?: Record<string, unknown>;
}

export function select(docs: readonly Doc[], where: Doc, s: Selection): Doc[] {
  let cursor = find<Doc>(docs, where, s.projection ?? {});
  if (s.order && Object.keys(s.order).length > 0) cursor = cursor.sort(s.order);
  if (s.offset) cursor = cursor.skip(s.offset);
  return cursor
    .limit(s.limit)
    .all()
    .map((d) => structuredClone(d));
}

export const matching = (docs: readonly Doc[], where: Doc): Doc[] => find<Doc>(docs, where).all();

/** The document after an update expression (`{ $set: {...}, $inc: {...} }`), the stored one untouched. */
export function updated(doc: Doc, modifier: Doc): Doc {
  for (const op of Object.keys(modifier))
    if (!op.startsWith('$')) throw new Error(`an update takes operators, got the field "${op}"`);
  const copy = structuredClone(doc);
  update(copy, modifier);
  return copy;
}

export const pipeline = (docs: readonly Doc[], stages: Doc[]): Doc[] =>
  aggregate(
    docs.map((d) => structuredClone(d)),
    stages,
  ) as Doc[];
