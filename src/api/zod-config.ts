/**
 * zod without its JIT, set before any schema of the contract is built (import this first). The JIT
 * compiles parsers with `new Function`, which the H5 page's Content-Security-Policy forbids (server/static.ts)
 * and WeChat does not offer; zod would probe for it anyway, and a strict CSP reports even a caught probe.
 * Only zod's global settings are imported here (a few hundred bytes, from zod's core): the schemas
 * themselves come with the contract, which the browser loads apart from the app (./contract.h5.ts).
 */
import { config } from 'zod/v4/core';

config({ jitless: true });
