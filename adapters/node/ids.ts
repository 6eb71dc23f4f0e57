/**
 * The Ids port on node:crypto: UUIDs, 256-bit session tokens and their SHA-256 (what a store keeps), and
 * uniformly drawn invite codes.
 */
import { createHash, randomInt, randomBytes, randomUUID } from 'node:crypto';
import type { Ids } from '../../core/app/ports';

export const nodeIds: Ids = {
  newId: () => randomUUID(),
  newToken: () => randomBytes(32).toString('base64url'),
  // A token is 256 random bits: no salt or slow hash is needed, only that the hash cannot be reversed.
  hashToken: (token) => createHash('sha256').update(token, 'utf8').digest('hex'),
  // randomInt draws without modulo bias, whatever the alphabet's length.
  newCode: (length, alphabet) => Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join(''),
};
