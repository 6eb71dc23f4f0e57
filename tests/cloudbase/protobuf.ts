/**
 * The two protobuf messages of wx-server-sdk's open-API call (field numbers from the SDK's generated
 * `openapi.js`): the request `CommApiData { 2: openapiData { 1: repeated pairs { 1: key, 2: value } } }`,
 * whose values are the JSON of each snake_case parameter, and the answer
 * `CommOpenApiResp { 1: respData, 2: contentType }`. Only the wire types these use are read.
 */
function varint(buf: Uint8Array, at: number): [number, number] {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = buf[at]!;
    at += 1;
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [value, at];
    shift += 7;
  }
}

/** Each field of a message: its number and, for length-delimited fields, its bytes. */
function* fields(buf: Uint8Array): Generator<[number, Uint8Array | number]> {
  let at = 0;
  while (at < buf.length) {
    const [tag, afterTag] = varint(buf, at);
    const type = tag & 7;
    if (type === 0) {
      const [value, next] = varint(buf, afterTag);
      at = next;
      yield [tag >>> 3, value];
    } else if (type === 2) {
      const [length, start] = varint(buf, afterTag);
      at = start + length;
      yield [tag >>> 3, buf.subarray(start, at)];
    } else {
      throw new Error(`emulator: protobuf wire type ${type} is not used by the open-API call`);
    }
  }
}

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

/** The open-API parameters the SDK packed, as JSON values keyed by their snake_case names. */
export function decodeOpenApiRequest(buf: Uint8Array): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [n, data] of fields(buf)) {
    if (n !== 2 || typeof data === 'number') continue;
    for (const [m, pair] of fields(data)) {
      if (m !== 1 || typeof pair === 'number') continue;
      let key = '';
      let value: unknown;
      for (const [k, v] of fields(pair)) {
        if (k === 1 && typeof v !== 'number') key = text(v);
        if (k === 2 && typeof v !== 'number') value = JSON.parse(text(v)) as unknown;
      }
      params[key] = value;
    }
  }
  return params;
}

function lengthDelimited(field: number, bytes: Uint8Array): number[] {
  const out = [(field << 3) | 2];
  for (let n = bytes.length; ; n = Math.floor(n / 128)) {
    if (n < 128) {
      out.push(n);
      break;
    }
    out.push((n % 128) | 0x80);
  }
  return [...out, ...bytes];
}

/** The answer WeChat gives: a JSON body. */
export function encodeOpenApiResponse(body: unknown): Buffer {
  const json = Buffer.from(JSON.stringify(body), 'utf8');
  const type = Buffer.from('application/json; charset=utf-8', 'utf8');
  return Buffer.from([...lengthDelimited(1, json), ...lengthDelimited(2, type)]);
}
