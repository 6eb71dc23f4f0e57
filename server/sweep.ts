/**
 * Removes uploads no post uses: a photo uploaded more than a day ago that no post's `photos` names, and
 * temporary files an interrupted upload left. A photo uploaded minutes ago for a post not yet sent is
 * never touched: only files older than the grace period are candidates, and the posts are read after the
 * candidates are listed, so a post sent meanwhile keeps its photos. The scheduler runs it every hour.
 */
import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { tempPrefix } from './files';

export const UPLOAD_GRACE_MS = 24 * 3600_000;
/** An upload in progress takes seconds; a temporary file this old was abandoned. */
const TEMP_GRACE_MS = 3600_000;
const storedName = /^(?:[0-9a-f]{16}-)?[0-9a-f]{32}\.(jpg|png|gif|webp)$/;

export interface SweepOptions {
  /** DATA_DIR/files. */
  dir: string;
  /** Every `photos` entry of every post (`/files/<name>` for uploads here). */
  referenced: () => Promise<Set<string>>;
  /** Real time, epoch ms (file times are real, whatever ARENA_NOW says). */
  now?: () => number;
  graceMs?: number;
}

export type SweepSummary = {
  removed: number;
  kept: number;
  temporary: number;
};

export async function sweepUploads(options: SweepOptions): Promise<SweepSummary> {
  const { dir, referenced, now = Date.now, graceMs = UPLOAD_GRACE_MS } = options;
  const summary: SweepSummary = { removed: 0, kept: 0, temporary: 0 };
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return summary; // no uploads yet
  }
  const started = now();
  const candidates: string[] = [];
  for (const name of names) {
    const temporary = name.startsWith(tempPrefix);
    if (!temporary && !storedName.test(name)) continue; // not ours: leave it
    let age: number;
    try {
      age = started - (await stat(join(dir, name))).mtimeMs;
    } catch {
      continue;
    }
    if (temporary) {
      if (age > TEMP_GRACE_MS && (await removed(join(dir, name)))) summary.temporary += 1;
    } else if (age > graceMs) {
      candidates.push(name);
    }
  }
  if (candidates.length === 0) return summary;

  const used = await referenced();
  for (const name of candidates) {
    if (used.has(`/files/${name}`)) summary.kept += 1;
    else if (await removed(join(dir, name))) summary.removed += 1;
  }
  return summary;
}

const removed = (path: string): Promise<boolean> =>
  unlink(path).then(
    () => true,
    () => false,
  );
