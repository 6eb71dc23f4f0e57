/**
 * zod without its JIT, set before any schema of the contract is built (import this first). The JIT
 * compiles parsers with `new Function`, which the H5 page's Content-Security-Policy forbids (server/static.ts)
 * and WeChat does not offer; zod would probe for it anyway, and a strict CSP reports even a caught probe.
 */
import { z } from 'zod';

z.config({ jitless: true });
