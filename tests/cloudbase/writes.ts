/**
 * The write actions. `database.modifyDocument` is both `doc().set()` (replace, upsert) and `update()`
 * (update operators, merge, no upsert), on one document or on a query; `insertDocument` is `add()`, which
 * refuses an `_id` that exists; `removeDocument` is `remove()`. In a transaction each write takes the
 * document or is refused with a conflict (./transactions.ts); outside one it commits at once.
 */
import {
  docIdOf,
  read,
  scope,
  whereOf,
  write,
  type Answer,
  type Params,
  type ServerCtx,
  type Scope,
} from './access';
import { decode } from './ejson';
import { duplicateId, invalid, isServerError } from './errors';
import { matching, updated } from './engine';
import { liveAt, type Doc } from './tables';

function modifyOne(ctx: ServerCtx, s: Scope, id: unknown, params: Params, data: Doc): Answer {
  const current = read(ctx, s, id);
  if (params.merge !== true) {
    const refused = write(ctx, s, id, data);
    if (refused) return refused;
    return current ? { data: { updated: 1 } } : { data: { updated: 0, upsert_id: id } };
  }
  if (!current && params.upsert !== true) return { data: { updated: 0 } };
  let next: Doc;
  try {
    next = updated(current ?? { _id: id }, data);
  } catch (e) {
    return invalid(e instanceof Error ? e.message : String(e));
  }
  const refused = write(ctx, s, id, next);
  if (refused) return refused;
  return current ? { data: { updated: 1 } } : { data: { updated: 0, upsert_id: id } };
}

export function modifyDocument(ctx: ServerCtx, params: Params): Answer {
  const s = scope(ctx, params);
  if (isServerError(s)) return s;
  const data = decode(params.data ?? '{}') as Doc;
  if (params.queryType === 'DOC') return modifyOne(ctx, s, docIdOf(params), params, data);
  if (s.tx) return invalid('a transaction writes single documents only (doc().update())');
  if (params.merge !== true) return invalid('a query can only be updated with operators');
  const targets = matching(liveAt(ctx.tables, s.collection), whereOf(params));
  let count = 0;
  for (const doc of params.multi === false ? targets.slice(0, 1) : targets) {
    const answer = modifyOne(ctx, s, doc._id, params, data);
    if (isServerError(answer)) return answer;
    count += 1;
  }
  return { data: { updated: count } };
}

export function insertDocument(ctx: ServerCtx, params: Params): Answer {
  const s = scope(ctx, params);
  if (isServerError(s)) return s;
  const docs = (Array.isArray(params.data) ? params.data : []).map((d) => decode(d) as Doc);
  const ids: unknown[] = [];
  for (const doc of docs) {
    const id = doc._id === undefined ? ctx.newId() : doc._id;
    if (read(ctx, s, id)) return duplicateId(s.collection, id);
    const refused = write(ctx, s, id, doc);
    if (refused) return refused;
    ids.push(id);
  }
  return { data: { insertedIds: ids } };
}

export function removeDocument(ctx: ServerCtx, params: Params): Answer {
  const s = scope(ctx, params);
  if (isServerError(s)) return s;
  if (params.queryType === 'DOC') {
    const id = docIdOf(params);
    if (!read(ctx, s, id)) return { data: { deleted: 0 } };
    return write(ctx, s, id, null) ?? { data: { deleted: 1 } };
  }
  if (s.tx) return invalid('a transaction removes single documents only (doc().remove())');
  const targets = matching(liveAt(ctx.tables, s.collection), whereOf(params));
  for (const doc of params.multi === false ? targets.slice(0, 1) : targets) write(ctx, s, doc._id, null);
  return { data: { deleted: params.multi === false ? Math.min(1, targets.length) : targets.length } };
}
