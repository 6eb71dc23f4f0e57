/**
 * The self-hosted server's entry: `node --import tsx server/main.ts` (npm start sets demo mode).
 * Reads the environment, starts the arena, and shuts down cleanly on SIGTERM/SIGINT.
 */
import { readConfig } from './config';
import { createJsonLog, errorFields } from './log';
import { StartError, startArena } from './start';

async function main(): Promise<void> {
  const log = createJsonLog();
  const read = readConfig(process.env);
  if (!read.ok) {
    for (const error of read.errors) process.stderr.write(`配置错误 / configuration error: ${error}\n`);
    process.exit(2);
  }
  for (const warning of read.warnings) log('warn', 'setting warning', { warning });

  const arena = await startArena({ config: read.config, log });
  process.stdout.write(`比学赶超 微擂台 → ${arena.url}\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log('info', 'shutting down', { signal });
    arena.stop().then(
      () => {
        log('info', 'stopped');
        process.exit(0);
      },
      (error: unknown) => {
        log('error', 'shutdown failed', errorFields(error));
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`启动失败 / failed to start: ${String(errorFields(error).error)}\n`);
  // A data directory or database that cannot be used is the operator's to fix, like a bad setting.
  process.exit(error instanceof StartError ? 2 : 1);
});
