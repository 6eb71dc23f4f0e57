/**
 * The Files port on cloud storage: photos are uploaded from the phone and posts keep their fileIDs
 * (`cloud://…`); readers get temporary URLs, asked for 50 at a time (the API's cap). Anything else is
 * already a URL and passes through. A fileID the API cannot resolve is answered as itself, which the
 * mini-program's <image> still loads: a feed never breaks over a photo.
 */
import type { Files } from '../../core/app/ports';
import type { GetTempFileURL } from './cloud-types';

const BATCH = 50;

export interface CloudFilesOptions {
  getTempFileURL: GetTempFileURL;
  log?: (entry: Record<string, unknown>) => void;
}

export function createCloudFiles({ getTempFileURL, log }: CloudFilesOptions): Files {
  return {
    async urls(fileIds) {
      const out = new Map<string, string>();
      const cloud: string[] = [];
      for (const id of new Set(fileIds)) {
        out.set(id, id);
        if (id.startsWith('cloud://')) cloud.push(id);
      }
      for (let i = 0; i < cloud.length; i += BATCH) {
        const batch = cloud.slice(i, i + BATCH);
        try {
          const { fileList } = await getTempFileURL({ fileList: batch });
          for (const f of fileList) {
            if ((f.status ?? 0) === 0 && f.tempFileURL && out.has(f.fileID)) out.set(f.fileID, f.tempFileURL);
          }
        } catch (e) {
          log?.({ level: 'warn', msg: 'getTempFileURL failed', error: e instanceof Error ? e.message : String(e) });
        }
      }
      return out;
    },
  };
}
