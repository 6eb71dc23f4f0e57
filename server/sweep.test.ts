import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ownerTag } from './photo-refs';
import { sweepUploads } from './sweep';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'arena-sweep-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const hour = 3600_000;
let n = 0;
/** A stored upload (the name POST /api/files makes), last written `ageMs` ago. */
function upload(ageMs: number): string {
  n += 1;
  const name = `${ownerTag('user-a')}-${n.toString(16).padStart(32, '0')}.jpg`;
  put(name, ageMs);
  return name;
}
function put(name: string, ageMs: number) {
  writeFileSync(join(dir, name), 'bytes');
  const at = (Date.now() - ageMs) / 1000;
  utimesSync(join(dir, name), at, at);
}

describe('the upload sweep', () => {
  it('removes an upload no post names once it is a day old, and keeps what posts name', async () => {
    const orphan = upload(25 * hour);
    const posted = upload(25 * hour);
    const summary = await sweepUploads({ dir, referenced: async () => new Set([`/files/${posted}`]) });
    expect(summary).toEqual({ removed: 1, kept: 1, temporary: 0 });
    expect(existsSync(join(dir, orphan))).toBe(false);
    expect(existsSync(join(dir, posted))).toBe(true);
  });

  it('never touches a photo uploaded minutes ago for a post not yet sent, nor asks the posts for it', async () => {
    const fresh = upload(10 * 60_000);
    const yesterdayEvening = upload(20 * hour);
    const referenced = jest.fn(async () => new Set<string>());
    expect(await sweepUploads({ dir, referenced })).toEqual({ removed: 0, kept: 0, temporary: 0 });
    expect(readdirSync(dir).sort()).toEqual([fresh, yesterdayEvening].sort());
    expect(referenced).not.toHaveBeenCalled();
  });

  it('removes what an interrupted upload left after an hour, and leaves files that are not uploads alone', async () => {
    put('.upload-abandoned.jpg', 2 * hour);
    put('.upload-in-progress.jpg', 60_000);
    put('notes.txt', 48 * hour);
    put('arena.db', 48 * hour);
    const summary = await sweepUploads({ dir, referenced: async () => new Set() });
    expect(summary).toEqual({ removed: 0, kept: 0, temporary: 1 });
    expect(readdirSync(dir).sort()).toEqual(['.upload-in-progress.jpg', 'arena.db', 'notes.txt']);
  });

  it('removes old uploads from before owner tags too, and copes with no files folder yet', async () => {
    put(`${'a'.repeat(32)}.png`, 48 * hour);
    expect((await sweepUploads({ dir, referenced: async () => new Set() })).removed).toBe(1);
    expect(await sweepUploads({ dir: join(dir, 'missing'), referenced: async () => new Set() })).toEqual({
      removed: 0,
      kept: 0,
      temporary: 0,
    });
  });
});
