/**
 * The Passwords port on node:crypto scrypt: a random 16-byte salt per hash, stored with its cost
 * parameters as `scrypt$N$r$p$salt$hash` (base64url), so the cost can be raised later and old hashes
 * still verify. Comparison is constant-time; a hash that does not parse simply does not match.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Passwords } from '../../core/app/ports';

export interface ScryptParams {
  /** CPU/memory cost, a power of two (default 2^15: about 32 MB and 50–100 ms a hash). */
  N?: number;
  r?: number;
  p?: number;
}

const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** A stored hash may not ask for more than this (it comes from our own database, but be safe). */
const MAX_N = 2 ** 20;

function derive(password: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; allow that with room to spare.
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

const isPowerOfTwo = (n: number): boolean => Number.isInteger(n) && n > 1 && (n & (n - 1)) === 0;

export function createScryptPasswords(params: ScryptParams = {}): Passwords {
  const { N = 2 ** 15, r = 8, p = 1 } = params;
  if (!isPowerOfTwo(N) || N > MAX_N) throw new Error(`scrypt N 应为 2 的幂且不超过 ${MAX_N}：${N}`);
  return {
    async hash(password) {
      const salt = randomBytes(SALT_BYTES);
      const key = await derive(password, salt, N, r, p);
      return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
    },
    async verify(password, stored) {
      const parts = stored.split('$');
      if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
      const [n, rr, pp] = parts.slice(1, 4).map(Number) as [number, number, number];
      if (!isPowerOfTwo(n) || n > MAX_N || !(rr >= 1 && rr <= 32) || !(pp >= 1 && pp <= 16)) return false;
      const salt = Buffer.from(parts[4] ?? '', 'base64url');
      const expected = Buffer.from(parts[5] ?? '', 'base64url');
      if (salt.length === 0 || expected.length !== KEY_BYTES) return false;
      const key = await derive(password, salt, n, rr, pp);
      return timingSafeEqual(key, expected);
    },
  };
}
