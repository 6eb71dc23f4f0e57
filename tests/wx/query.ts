/**
 * Queries and aggregates of the database double. `get()` answers at most `maxLimit` documents (the
 * cloud's 100), `defaultLimit` without `limit()`; an aggregate answers 20 without `limit()`.
 */
import type { WxAggregate, WxData, WxQuery, WxQueryRef } from '../../adapters/cloudbase/wx-types';
import { compare, getPath, isCmd, matches, unsupported } from './commands';
import { pause, readTable, withId, type State } from './state';

interface Spec {
  where?: WxQuery;
  orders: Array<[string, 1 | -1]>;
  skip: number;
  limit?: number;
  fields?: Record<string, boolean>;
}

function liveDocs(state: State, table: string): WxData[] {
  const out: WxData[] = [];
  for (const [id, row] of readTable(state, table)) if (row.data) out.push(withId(id, row.data));
  return out;
}

function sortDocs(docs: WxData[], orders: Array<[string, 1 | -1]>): WxData[] {
  // Array.prototype.sort is stable: ties keep the stored order, as a collection scan would.
  return docs.sort((a, b) => {
    for (const [path, dir] of orders) {
      const c = compare(getPath(a, path), getPath(b, path));
      if (c !== 0) return c * dir;
    }
    return 0;
  });
}

function project(doc: WxData, fields: Record<string, boolean>): WxData {
  const include = Object.entries(fields)
    .filter(([, on]) => on)
    .map(([k]) => k);
  if (include.length > 0) {
    const out: WxData = { _id: doc._id };
    for (const k of include) if (k in doc) out[k] = doc[k];
    return out;
  }
  const out = { ...doc };
  for (const k of Object.keys(fields)) delete out[k];
  return out;
}

const positive = (n: number, what: string) => {
  if (!Number.isInteger(n) || n < 0) throw new Error(`db double: ${what} must be a non-negative integer`);
  return n;
};

export function queryRef(state: State, table: string, spec: Spec = { orders: [], skip: 0 }): WxQueryRef {
  const next = (change: Partial<Spec>) => queryRef(state, table, { ...spec, ...change });
  const select = () => {
    const docs = liveDocs(state, table).filter((d) => (spec.where ? matches(d, spec.where) : true));
    return sortDocs(docs, spec.orders);
  };
  return {
    where: (query) => {
      if (spec.where) throw unsupported('calling where() twice');
      return next({ where: query });
    },
    orderBy: (field, direction) => next({ orders: [...spec.orders, [field, direction === 'desc' ? -1 : 1]] }),
    skip: (n) => next({ skip: positive(n, 'skip') }),
    limit: (n) => {
      if (positive(n, 'limit') === 0) throw new Error('db double: limit must be at least 1');
      return next({ limit: n });
    },
    field: (fields) => next({ fields }),
    async get() {
      await pause(state);
      state.stats.queries += 1;
      const cap = Math.min(spec.limit ?? state.opts.defaultLimit, state.opts.maxLimit);
      const docs = select().slice(spec.skip, spec.skip + cap);
      await pause(state);
      return {
        data: spec.fields ? docs.map((d) => project(d, spec.fields!)) : docs,
        errMsg: 'collection.get:ok',
      };
    },
    async count() {
      await pause(state);
      state.stats.queries += 1;
      return { total: select().length, errMsg: 'collection.count:ok' };
    },
  };
}

type Stage =
  | { kind: 'match'; query: WxQuery }
  | { kind: 'sort'; spec: Record<string, 1 | -1> }
  | { kind: 'group'; spec: Record<string, unknown> }
  | { kind: 'skip'; n: number }
  | { kind: 'limit'; n: number };

function evalExpr(doc: WxData, expr: unknown): unknown {
  if (typeof expr === 'string' && expr.startsWith('$')) return getPath(doc, expr.slice(1));
  if (expr === null || typeof expr !== 'object') return expr;
  if (isCmd(expr)) throw unsupported('an operator as a group key');
  return Object.fromEntries(Object.entries(expr).map(([k, v]) => [k, evalExpr(doc, v)]));
}

function group(docs: WxData[], spec: Record<string, unknown>): WxData[] {
  if (!('_id' in spec)) throw new Error('db double: group() needs an _id');
  const groups = new Map<string, WxData[]>();
  for (const d of docs) {
    const key = JSON.stringify(evalExpr(d, spec._id) ?? null);
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  return [...groups.entries()].map(([key, members]) => {
    const out: WxData = { _id: JSON.parse(key) as unknown };
    for (const [name, acc] of Object.entries(spec)) {
      if (name === '_id') continue;
      if (!isCmd(acc)) throw unsupported(`the group field "${name}" without an accumulator`);
      const values = members.map((m) => evalExpr(m, acc.arg));
      if (acc.op === 'first') out[name] = values[0];
      else if (acc.op === 'last') out[name] = values[values.length - 1];
      else if (acc.op === 'max') out[name] = values.reduce((a, b) => (compare(b, a) > 0 ? b : a));
      else throw unsupported(`the accumulator "${acc.op}"`);
    }
    return out;
  });
}

export function aggregateRef(state: State, table: string, stages: Stage[] = []): WxAggregate {
  const next = (stage: Stage) => aggregateRef(state, table, [...stages, stage]);
  return {
    match: (query) => next({ kind: 'match', query }),
    sort: (spec) => next({ kind: 'sort', spec }),
    group: (spec) => next({ kind: 'group', spec }),
    skip: (n) => next({ kind: 'skip', n: positive(n, 'skip') }),
    limit: (n) => next({ kind: 'limit', n: positive(n, 'limit') }),
    async end() {
      await pause(state);
      state.stats.queries += 1;
      let docs = liveDocs(state, table);
      for (const s of stages) {
        if (s.kind === 'match') docs = docs.filter((d) => matches(d, s.query));
        else if (s.kind === 'sort') docs = sortDocs(docs, Object.entries(s.spec));
        else if (s.kind === 'group') docs = group(docs, s.spec);
        else if (s.kind === 'skip') docs = docs.slice(s.n);
        else docs = docs.slice(0, s.n);
      }
      if (!stages.some((s) => s.kind === 'limit')) docs = docs.slice(0, state.opts.aggregateDefaultLimit);
      await pause(state);
      return { list: docs, errMsg: 'collection.aggregate:ok' };
    },
  };
}
