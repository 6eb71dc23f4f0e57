/**
 * The read actions: `database.getDocument` (one document by `_id`, or a query), `calculateDocument`
 * (count) and `aggregateDocuments`. Limits as the server applies them: a query answers `limit` documents,
 * 100 when none is given and never more than 1000; an aggregate without a `$limit` stage answers 20.
 * Inside a transaction only single documents can be read, at the transaction's snapshot.
 */
import { docIdOf, read, scope, whereOf, type Answer, type Params, type ServerCtx } from './access';
import { decode, encode } from './ejson';
import { invalid, isServerError } from './errors';
import { matching, pipeline, select } from './engine';
import { liveAt, type Doc } from './tables';

export const QUERY_DEFAULT_LIMIT = 100;
export const QUERY_MAX_LIMIT = 1000;
export const AGGREGATE_DEFAULT_LIMIT = 20;

const projectionOf = (params: Params) =>
  params.projection === undefined ? undefined : (decode(params.projection) as Record<string, unknown>);

export function getDocument(ctx: ServerCtx, params: Params): Answer {
  const s = scope(ctx, params);
  if (isServerError(s)) return s;
  if (params.queryType === 'DOC') {
    const doc = read(ctx, s, docIdOf(params));
    const list = doc ? select([doc], {}, { limit: 1, projection: projectionOf(params) }) : [];
    return { data: { list: list.map(encode) } };
  }
  if (s.tx) return invalid('a transaction reads single documents only (doc().get())');
  const asked = Number(params.limit ?? QUERY_DEFAULT_LIMIT);
  const limit = Math.min(Number.isInteger(asked) && asked > 0 ? asked : QUERY_DEFAULT_LIMIT, QUERY_MAX_LIMIT);
  const list = select(liveAt(ctx.tables, s.collection), whereOf(params), {
    order: params.order === undefined ? undefined : (decode(params.order) as Record<string, 1 | -1>),
    offset: Number(params.offset ?? 0),
    limit,
    projection: projectionOf(params),
  });
  return { data: { list: list.map(encode) }, limit, offset: Number(params.offset ?? 0) };
}

export function calculateDocument(ctx: ServerCtx, params: Params): Answer {
  const s = scope(ctx, params);
  if (isServerError(s)) return s;
  if (s.tx) return invalid('a transaction reads single documents only (doc().get())');
  return { data: { total: matching(liveAt(ctx.tables, s.collection), whereOf(params)).length } };
}

interface Stage {
  stageKey: string;
  stageValue: string;
}

export function aggregateDocuments(ctx: ServerCtx, params: Params): Answer {
  const s = scope(ctx, params);
  if (isServerError(s)) return s;
  if (s.tx) return invalid('a transaction cannot aggregate');
  const stages = (Array.isArray(params.stages) ? (params.stages as Stage[]) : []).map(
    ({ stageKey, stageValue }): Doc => ({ [stageKey]: decode(stageValue) }),
  );
  let list = pipeline(liveAt(ctx.tables, s.collection), stages);
  if (!stages.some((stage) => '$limit' in stage)) list = list.slice(0, AGGREGATE_DEFAULT_LIMIT);
  return { data: { list: list.map(encode) } };
}
