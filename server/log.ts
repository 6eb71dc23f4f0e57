/**
 * Structured logs: one JSON object a line, so a log shipper or `jq` can read them.
 * Callers never pass tokens or request bodies; `fields` are plain facts (method, path, action, status, ms).
 */
export type LogLevel = 'info' | 'warn' | 'error';
export type Log = (level: LogLevel, msg: string, fields?: Record<string, unknown>) => void;

export function createJsonLog(write: (line: string) => void = (line) => process.stdout.write(line)): Log {
  return (level, msg, fields = {}) => {
    write(`${JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields })}\n`);
  };
}

/** For tests: keeps entries in memory. */
export function createMemoryLog(): { log: Log; entries: Array<Record<string, unknown>> } {
  const entries: Array<Record<string, unknown>> = [];
  return { log: (level, msg, fields = {}) => entries.push({ level, msg, ...fields }), entries };
}

/** An error's message and stack, for the log only (never sent to the client). */
export const errorFields = (error: unknown): Record<string, unknown> =>
  error instanceof Error ? { error: error.message, stack: error.stack } : { error: String(error) };
