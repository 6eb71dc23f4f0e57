/**
 * Puts a fetch handler on a Node HTTP server and takes it down gracefully: stop accepting, let the
 * requests in flight finish, drop idle keep-alive sockets, and force the rest after a grace period.
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

export interface Listening {
  url: string;
  port: number;
  /** Resolves once every connection is closed. */
  close(): Promise<void>;
}

type FetchHandler = (request: Request) => Response | Promise<Response>;

export function listen(
  fetch: FetchHandler,
  host: string,
  port: number,
  graceMs = 10_000,
): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, hostname: host, port }, (info: AddressInfo) => {
      const shownHost = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shownHost}:${info.port}`,
        port: info.port,
        close: () => closeGracefully(server as Server, graceMs),
      });
    }) as Server;
    server.once('error', reject);
  });
}

function closeGracefully(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}
