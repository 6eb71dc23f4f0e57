/**
 * fast-check arbitraries from an action's zod schema, by way of its JSON Schema (`z.toJSONSchema`): values
 * of the schema's shape — right types, lengths and patterns, optional keys sometimes left out — which the
 * schema's own refinements may still refuse; and values that are wrong on purpose (one field broken, a
 * required key missing, or any JSON at all). Sizes are kept small so that a run stays fast.
 */
import fc from 'fast-check';
import { z } from 'zod';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

const MAX_ITEMS = 4;
const MAX_CHARS = 40;

/** Any JSON value, small. */
export const anyJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 3 });

/** allOf of objects (a zod intersection) as one object schema. */
function merged(parts: JsonSchema[]): JsonSchema {
  return parts.reduce<JsonSchema>(
    (all, p) => ({
      type: 'object',
      properties: { ...all.properties, ...p.properties },
      required: [...(all.required ?? []), ...(p.required ?? [])],
    }),
    { type: 'object', properties: {}, required: [] },
  );
}

function text(s: JsonSchema): fc.Arbitrary<string> {
  const minLength = s.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(s.maxLength ?? MAX_CHARS, MAX_CHARS));
  if (s.pattern) {
    const re = new RegExp(s.pattern);
    return fc
      .stringMatching(re)
      .filter((v) => v.length >= minLength && v.length <= (s.maxLength ?? Infinity));
  }
  // Plain text, and the odd characters a phone keyboard or an attacker sends.
  return fc.oneof(
    fc.string({ minLength, maxLength }),
    fc.string({ minLength, maxLength, unit: 'grapheme' }),
    fc.string({ minLength, maxLength, unit: 'binary' }),
  );
}

function number(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const low =
    s.minimum ??
    (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : Number.EPSILON) : -1e12);
  const high =
    s.maximum ??
    (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (integer ? 1 : Number.EPSILON) : 1e12);
  if (integer) return fc.integer({ min: Math.max(low, -(2 ** 31)), max: Math.min(high, 2 ** 31) });
  return fc.double({ min: low, max: high, noNaN: true, noDefaultInfinity: true });
}

/** Values of the schema's shape. */
export function shaped(s: JsonSchema): fc.Arbitrary<unknown> {
  if (s.allOf) return shaped(merged(s.allOf));
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map(shaped));
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string':
      return text(s);
    case 'number':
      return number(s, false);
    case 'integer':
      return number(s, true);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(shaped(s.items ?? {}), {
        minLength: s.minItems ?? 0,
        maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? MAX_ITEMS, MAX_ITEMS)),
      });
    case 'object': {
      const properties = s.properties ?? {};
      const model = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, shaped(v)]));
      return fc.record(model, { requiredKeys: (s.required ?? []).filter((k) => k in properties) });
    }
    default:
      return anyJson;
  }
}

/** Values that break the schema somewhere: a field of the wrong kind, a required key gone, or any JSON. */
export function broken(s: JsonSchema): fc.Arbitrary<unknown> {
  const object = s.allOf ? merged(s.allOf) : s;
  const keys = Object.keys(object.properties ?? {});
  const base = shaped(object).filter(
    (v): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v),
  );
  const wrongField =
    keys.length === 0
      ? anyJson
      : fc.tuple(base, fc.constantFrom(...keys), anyJson).map(([v, key, value]) => ({ ...v, [key]: value }));
  const required = object.required ?? [];
  const missing =
    required.length === 0
      ? anyJson
      : fc.tuple(base, fc.constantFrom(...required)).map(([v, key]) => {
          const { [key]: _gone, ...rest } = v;
          return rest;
        });
  return fc.oneof(
    wrongField,
    missing,
    anyJson,
    fc.constantFrom(null, [], '', 0, 'null', { __proto__: null }),
  );
}

export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}
