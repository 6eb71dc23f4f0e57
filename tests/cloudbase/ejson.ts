/**
 * The database speaks Extended JSON: the SDK sends queries, updates and documents as canonical EJSON
 * strings (`{"$numberInt":"1"}`) and parses what comes back with EJSON. This decodes the type wrappers the
 * SDK produces into plain values and encodes answers back; a wrapper it does not know is refused, so a
 * new data type shows up as a test failure rather than as silently wrong data.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const number = (text: string): number => {
  if (text === 'Infinity') return Infinity;
  if (text === '-Infinity') return -Infinity;
  if (text === 'NaN') return NaN;
  return Number(text);
};

const wrappers: Record<string, (inner: unknown) => unknown> = {
  $numberInt: (v) => number(String(v)),
  $numberLong: (v) => number(String(v)),
  $numberDouble: (v) => number(String(v)),
  $numberDecimal: (v) => number(String(v)),
  $date: (v) => {
    if (typeof v === 'object' && v !== null && '$numberLong' in v) return new Date(Number(v.$numberLong));
    return new Date(typeof v === 'string' || typeof v === 'number' ? v : NaN);
  },
  $regularExpression: (v) => {
    const { pattern, options } = v as { pattern: string; options: string };
    return new RegExp(pattern, options);
  },
};

const unknownTypes = ['$oid', '$binary', '$timestamp', '$symbol', '$code', '$minKey', '$maxKey', '$uuid'];

function decodeValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeValue);
  if (typeof value !== 'object' || value === null) return value;
  const keys = Object.keys(value);
  const only = keys.length === 1 ? keys[0]! : null;
  const record = value as Record<string, unknown>;
  if (only !== null && wrappers[only]) return wrappers[only](record[only]);
  if (only !== null && unknownTypes.includes(only))
    throw new Error(`emulator: EJSON type ${only} is not modelled`);
  return Object.fromEntries(keys.map((k) => [k, decodeValue(record[k])]));
}

/** A request field: an EJSON string (or, for a few params, a plain value) to plain data. */
export function decode(text: unknown): unknown {
  return decodeValue(typeof text === 'string' ? (JSON.parse(text) as unknown) : text);
}

function encodeValue(value: unknown): Json {
  if (value instanceof Date) return { $date: { $numberLong: String(value.getTime()) } };
  if (Array.isArray(value)) return value.map(encodeValue);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeValue(v)]));
  if (typeof value === 'number' && !Number.isFinite(value)) return { $numberDouble: String(value) } as Json;
  return value as Json;
}

/** A document as the server lists it: one EJSON string (relaxed: numbers stay numbers). */
export const encode = (doc: unknown): string => JSON.stringify(encodeValue(doc));
