/** The Ids port on node:crypto: UUIDs, 256-bit session tokens, and uniformly drawn invite codes. */
import { randomInt, randomBytes, randomUUID } from 'node:crypto';
import type { Ids } from '../../core/app/ports';

export const nodeIds: Ids = {
  newId: () => randomUUID(),
  newToken: () => randomBytes(32).toString('base64url'),
  // randomInt draws without modulo bias, whatever the alphabet's length.
  newCode: (length, alphabet) => Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join(''),
};
