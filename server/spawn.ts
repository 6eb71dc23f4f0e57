/**
 * Starts the real server (`node --import tsx server/main.ts`) as a child process and waits until it
 * listens, for the crash test and the benchmark. The child logs JSON lines; its `listening` line has the URL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface ChildServer {
  url: string;
  child: ChildProcess;
  /** Every line the child wrote, stdout and stderr. */
  lines: string[];
  /** Resolves when the child has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const root = join(__dirname, '..');

export interface SpawnOptions {
  timeoutMs?: number;
  /** Run as this user (the fault tests, as root, run the server as `nobody` to meet real file permissions). */
  uid?: number;
  gid?: number;
  /** Another entry module to run instead of server/main.ts (the benchmark's do-nothing HTTP floor). */
  entry?: string;
  /** Node flags put before the entry (the benchmark profiles the server with `--cpu-prof`). */
  nodeArgs?: readonly string[];
}

export function spawnServer(env: Record<string, string>, options: SpawnOptions = {}): Promise<ChildServer> {
  const { timeoutMs = 20_000, uid, gid, entry = join(root, 'server', 'main.ts'), nodeArgs = [] } = options;
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', entry], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(uid === undefined ? {} : { uid }),
    ...(gid === undefined ? {} : { gid }),
  });
  const lines: string[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in ${timeoutMs} ms:\n${lines.join('\n')}`));
    }, timeoutMs);
    const onLine = (line: string) => {
      lines.push(line);
      if (!line.startsWith('{')) return;
      try {
        const entry = JSON.parse(line) as { msg?: unknown; url?: unknown };
        if (entry.msg === 'listening' && typeof entry.url === 'string') {
          clearTimeout(timer);
          resolve({ url: entry.url, child, lines, exited });
        }
      } catch {
        // not a log line
      }
    };
    for (const stream of [child.stdout, child.stderr]) {
      let buffer = '';
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        buffer += chunk;
        const parts = buffer.split('\n');
        buffer = parts.pop() ?? '';
        parts.forEach(onLine);
      });
    }
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(
        new Error(`server exited (code ${code}, signal ${signal}) before listening:\n${lines.join('\n')}`),
      );
    });
  });
}
