/**
 * The PhotoGuard on WeChat's `security.mediaCheckAsync` (version 2, images): each photo is handed over as
 * a temporary URL (WeChat cannot fetch a cloud fileID) with the poster's OPENID; the verdict comes back
 * later as a `wxa_media_check` push carrying the trace id (./media-push.ts). A photo without a URL, or
 * whose check WeChat did not accept, is left out, and the core flags the post instead.
 */
import type { PhotoGuard } from '../../core/app/ports';
import { errCodeOf, type GetTempFileURL, type WxOpenApi } from './cloud-types';

export interface MediaCheckGuardOptions {
  openapi: { security: Pick<WxOpenApi['security'], 'mediaCheckAsync'> };
  getTempFileURL: GetTempFileURL;
  /** 2 (评论) suits posts others read, as for the text. */
  scene?: 1 | 2 | 3 | 4;
  log?: (entry: Record<string, unknown>) => void;
}

export function createMediaCheckGuard({ openapi, getTempFileURL, scene = 2, log }: MediaCheckGuardOptions): PhotoGuard {
  async function submitOne(photo: string, mediaUrl: string, openid: string) {
    try {
      const res = await openapi.security.mediaCheckAsync({ mediaUrl, mediaType: 2, version: 2, scene, openid });
      if ((errCodeOf(res) ?? 0) === 0 && typeof res.traceId === 'string' && res.traceId !== '') {
        return [{ photo, traceId: res.traceId }];
      }
      log?.({ level: 'warn', msg: 'mediaCheckAsync gave no trace id', errCode: errCodeOf(res) ?? null });
    } catch (e) {
      log?.({ level: 'warn', msg: 'mediaCheckAsync failed', errCode: errCodeOf(e) ?? null });
    }
    return [];
  }

  return {
    async submit(photos, who) {
      if (!who.openid || photos.length === 0) return [];
      const openid = who.openid;
      let urls: Map<string, string>;
      try {
        // A post has at most 9 photos: one request (the API takes 50).
        const { fileList } = await getTempFileURL({ fileList: photos });
        urls = new Map(
          fileList.filter((f) => (f.status ?? 0) === 0 && f.tempFileURL).map((f) => [f.fileID, f.tempFileURL ?? '']),
        );
      } catch (e) {
        log?.({ level: 'warn', msg: 'getTempFileURL failed for image checks', error: e instanceof Error ? e.message : String(e) });
        return [];
      }
      const started = await Promise.all(
        photos.map((photo) => {
          const url = urls.get(photo);
          return url ? submitOne(photo, url, openid) : Promise.resolve([]);
        }),
      );
      return started.flat();
    },
  };
}
