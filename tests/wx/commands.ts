/**
 * `db.command` for the database double, and how the double evaluates it: query operators (match),
 * update operators (apply) and the aggregate accumulators. What the double does not know it refuses
 * loudly, so the adapter cannot come to lean on behaviour nobody checked against the cloud.
 */
import type { WxCommands, WxData, WxQuery } from '../../adapters/cloudbase/wx-types';

const TAG = Symbol('wx-command');

export interface Cmd {
  readonly [TAG]: true;
  readonly op: string;
  readonly arg: unknown;
}

const make = (op: string, arg: unknown): Cmd => ({ [TAG]: true, op, arg });

export function isCmd(value: unknown): value is Cmd {
  return typeof value === 'object' && value !== null && TAG in value;
}

export const command: WxCommands = {
  eq: (v) => make('eq', v),
  neq: (v) => make('neq', v),
  gt: (v) => make('gt', v),
  gte: (v) => make('gte', v),
  lt: (v) => make('lt', v),
  lte: (v) => make('lte', v),
  in: (vs) => make('in', [...vs]),
  nin: (vs) => make('nin', [...vs]),
  and: (cs) => make('and', [...cs]),
  or: (cs) => make('or', [...cs]),
  inc: (n) => make('inc', n),
  aggregate: {
    first: (e) => make('first', e),
    last: (e) => make('last', e),
    max: (e) => make('max', e),
  },
};

export function unsupported(what: string): Error {
  return new Error(`db double: ${what} is not supported (the adapter must not rely on it)`);
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isCmd(v);
}

export function getPath(doc: WxData, path: string): unknown {
  let at: unknown = doc;
  for (const part of path.split('.')) {
    if (!isPlainObject(at)) return undefined;
    at = at[part];
  }
  return at;
}

/** BSON-like order of types: missing/null, numbers, strings, objects, arrays, booleans. */
const rank = (v: unknown): number =>
  v === undefined || v === null
    ? 0
    : typeof v === 'number'
      ? 1
      : typeof v === 'string'
        ? 2
        : Array.isArray(v)
          ? 4
          : typeof v === 'object'
            ? 3
            : 5;

export function compare(a: unknown, b: unknown): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return 0;
}

const equal = (a: unknown, b: unknown): boolean =>
  (a ?? null) === (b ?? null) || (typeof a === 'object' && JSON.stringify(a) === JSON.stringify(b));

/** Ordering operators only compare values of the same kind, as the database does. */
const sameKind = (a: unknown, b: unknown) => a !== undefined && a !== null && rank(a) === rank(b);

function fieldMatches(value: unknown, cond: unknown): boolean {
  if (!isCmd(cond)) {
    if (isPlainObject(cond)) throw unsupported('matching a nested object');
    return equal(value, cond);
  }
  const arg = cond.arg;
  switch (cond.op) {
    case 'eq':
      return equal(value, arg);
    case 'neq':
      return !equal(value, arg);
    case 'gt':
      return sameKind(value, arg) && compare(value, arg) > 0;
    case 'gte':
      return sameKind(value, arg) && compare(value, arg) >= 0;
    case 'lt':
      return sameKind(value, arg) && compare(value, arg) < 0;
    case 'lte':
      return sameKind(value, arg) && compare(value, arg) <= 0;
    case 'in':
      return (arg as unknown[]).some((x) => equal(value, x));
    case 'nin':
      return !(arg as unknown[]).some((x) => equal(value, x));
    default:
      throw unsupported(`the field operator "${cond.op}"`);
  }
}

export function matches(doc: WxData, query: WxQuery): boolean {
  if (isCmd(query)) {
    const parts = query.arg as WxQuery[];
    if (query.op === 'and') return parts.every((q) => matches(doc, q));
    if (query.op === 'or') return parts.some((q) => matches(doc, q));
    throw unsupported(`the top-level operator "${query.op}"`);
  }
  return Object.entries(query).every(([path, cond]) => fieldMatches(getPath(doc, path), cond));
}

function setPath(doc: WxData, path: string, value: unknown): void {
  const parts = path.split('.');
  let at: Record<string, unknown> = doc;
  for (const part of parts.slice(0, -1)) {
    if (!isPlainObject(at[part])) at[part] = {};
    at = at[part] as Record<string, unknown>;
  }
  at[parts[parts.length - 1]!] = value;
}

/** `update({data})`: plain objects are merged field by field (as the SDK flattens them), commands applied. */
export function applyUpdate(doc: WxData, patch: WxData, prefix = ''): void {
  for (const [key, value] of Object.entries(patch)) {
    const path = prefix + key;
    if (value === undefined) continue;
    if (isCmd(value)) {
      if (value.op !== 'inc') throw unsupported(`the update operator "${value.op}"`);
      const now = getPath(doc, path);
      if (now !== undefined && typeof now !== 'number')
        throw new Error(`db double: _.inc on a non-number field ${path}`);
      setPath(doc, path, (now ?? 0) + (value.arg as number));
    } else if (isPlainObject(value) && Object.keys(value).length > 0) {
      applyUpdate(doc, value, `${path}.`);
    } else {
      setPath(doc, path, value);
    }
  }
}

/** Stored data is JSON: no shared references, undefined fields dropped, commands refused. */
export function toStored(data: WxData, what: string): WxData {
  const walk = (v: unknown): void => {
    if (isCmd(v)) throw new Error(`db double: ${what} takes plain data, not a command`);
    if (Array.isArray(v)) v.forEach(walk);
    else if (isPlainObject(v)) Object.values(v).forEach(walk);
  };
  walk(data);
  return JSON.parse(JSON.stringify(data)) as WxData;
}

export const clone = (data: WxData): WxData => JSON.parse(JSON.stringify(data)) as WxData;
