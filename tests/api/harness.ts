/**
 * Starts the real HTTP server in this process (port 0, a temp data dir, the clock fixed) and gives the
 * API tests a small client. Everything goes through HTTP on 127.0.0.1, exactly as the app calls it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeIds } from '../../adapters/node';
import type { Store } from '../../core/app/ports';
import type { ServerConfig } from '../../server/config';
import type { UploadFs } from '../../server/files';
import { createMemoryLog } from '../../server/log';
import { startArena, type RunningArena } from '../../server/start';
import type { SweepSummary } from '../../server/sweep';

export const fixedNow = '2025-10-20T01:30:00.000Z'; // 09:30 in Shanghai: day 41 of the demo campaign

export interface Reply {
  status: number;
  body: { ok: boolean; data?: unknown; error?: { code: string; message: string } };
}

export interface Harness {
  url: string;
  /** The data directory: `arena.db` and `files/`. */
  dataDir: string;
  store: Store;
  logs: Array<Record<string, unknown>>;
  call(action: string, data?: unknown, token?: string | null): Promise<Reply>;
  /** A raw request to `path` (for malformed bodies and odd methods). */
  raw(path: string, init?: RequestInit): Promise<Response>;
  /** A session for any user, written straight to the store (works with demo mode off). */
  sessionFor(userId: string): Promise<string>;
  sweepUploads(): Promise<SweepSummary>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  demo?: boolean;
  rateLimitPerMinute?: number;
  decorateStore?: (store: Store) => Store;
  uploadFs?: UploadFs;
  freeBytes?: (dir: string) => Promise<number>;
  /** Settings beyond the defaults below (TRUST_PROXY, upload quotas). */
  config?: Partial<Pick<ServerConfig, 'trustProxy' | 'uploadFilesPerDay' | 'uploadBytesPerDay'>>;
}

let sessions = 0;

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'arena-api-'));
  const config: ServerConfig = {
    host: '127.0.0.1',
    port: 0,
    dataDir,
    demo: options.demo ?? true,
    fixedNow: Date.parse(fixedNow),
    rateLimitPerMinute: options.rateLimitPerMinute ?? 100_000,
    sessionTtlMs: 3_600_000,
    webhookUrl: null,
    scheduler: false,
    trustProxy: 0,
    uploadFilesPerDay: 200,
    uploadBytesPerDay: 200 * 1024 * 1024,
    ...options.config,
  };
  const { log, entries } = createMemoryLog();
  let running: RunningArena;
  try {
    running = await startArena({
      config,
      log,
      staticRoot: null,
      ...(options.decorateStore ? { decorateStore: options.decorateStore } : {}),
      ...(options.uploadFs ? { uploadFs: options.uploadFs } : {}),
      ...(options.freeBytes ? { freeBytes: options.freeBytes } : {}),
    });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const raw = (path: string, init?: RequestInit) => fetch(`${running.url}${path}`, init);
  const call = async (action: string, data: unknown = {}, token?: string | null): Promise<Reply> => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await raw('/api/arena', { method: 'POST', headers, body: JSON.stringify({ action, data }) });
    return { status: res.status, body: (await res.json()) as Reply['body'] };
  };
  return {
    url: running.url,
    dataDir,
    store: running.store,
    logs: entries,
    call,
    raw,
    sessionFor: async (userId) => {
      const token = `test-session-${userId}-${(sessions += 1)}`;
      await running.store.people.putSession({
        tokenHash: nodeIds.hashToken(token),
        userId,
        expiresAt: Date.parse(fixedNow) + 3_600_000,
      });
      return token;
    },
    sweepUploads: () => running.sweepUploads(),
    stop: async () => {
      await running.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Chinese text: the contract wants messages that say, in Chinese, what to fix. */
export const chinese = /[\u4e00-\u9fa5]/;

let requests = 0;
export const requestId = (): string => `api-test-${Date.now()}-${(requests += 1)}`;
