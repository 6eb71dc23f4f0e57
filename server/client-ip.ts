/**
 * The client's address behind reverse proxies (TRUST_PROXY). Each proxy appends the address it was
 * connected from to X-Forwarded-For, so with N trusted proxies in front of the server the last N entries
 * were written by them, and the N-th from the right is the address the outermost proxy saw: the client.
 * Everything left of it came from the client and may be made up. With fewer than N entries, the left-most
 * (still written by a trusted proxy). TRUST_PROXY=0, no header, or an entry that is no address: the
 * socket peer. This holds only when the server cannot be reached except through those proxies.
 */
import { isIP } from 'node:net';

/** `1.2.3.4`, `1.2.3.4:5678`, `[::1]:5678` or `::1` → the address alone, or null when it is none. */
function addressOf(entry: string): string | null {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  if (bracketed?.[1]) return isIP(bracketed[1]) === 6 ? bracketed[1] : null;
  if (isIP(entry) !== 0) return entry;
  const withPort = /^([\d.]+):\d+$/.exec(entry);
  return withPort?.[1] && isIP(withPort[1]) === 4 ? withPort[1] : null;
}

export function clientAddress(
  forwardedFor: string | null | undefined,
  peer: string | null,
  trustProxy: number,
): string | null {
  if (trustProxy <= 0 || !forwardedFor) return peer;
  const hops = forwardedFor
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (hops.length === 0) return peer;
  const entry = hops[Math.max(0, hops.length - trustProxy)] ?? '';
  return addressOf(entry) ?? peer;
}
