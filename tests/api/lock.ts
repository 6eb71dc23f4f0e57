/**
 * Another process holding a database's write lock (`BEGIN IMMEDIATE`), as a backup script, a migration or a
 * second server would: the fault tests take it and let it go. If the test dies, the holder's stdin closes and
 * it exits, which releases the lock.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface HeldLock {
  release(): Promise<void>;
}

const holder = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1]);
db.exec('BEGIN IMMEDIATE');
process.stdout.write('locked\\n');
process.stdin.on('data', () => { db.exec('ROLLBACK'); db.close(); process.exit(0); });
process.stdin.on('end', () => process.exit(0));
`;

export function holdWriteLock(file: string): Promise<HeldLock> {
  const child = spawn(process.execPath, ['-e', holder, file], {
    cwd: join(__dirname, '..', '..'),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout.once('data', () =>
      resolve({
        release: async () => {
          child.stdin.write('release\n');
          await exited;
        },
      }),
    );
    void exited.then(() => reject(new Error(`the lock holder exited before locking: ${errors}`)));
  });
}
