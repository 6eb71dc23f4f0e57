/**
 * Image checks with mediaCheckAsync v2: each photo goes as a temporary URL with the poster's OPENID, and
 * each accepted check comes back with its trace id; a photo WeChat could not take is left out (the core
 * then flags the post), and nothing throws.
 */
import type { MediaCheckAsyncParams, MediaCheckAsyncResult, TempFileUrlResult } from './cloud-types';
import { createMediaCheckGuard } from './photo-guard';

const A = 'cloud://env-1.7465/posts/u1/a.jpg';
const B = 'cloud://env-1.7465/posts/u1/b.jpg';
const who = { userId: 'u1', openid: 'o-1' };

function fake(answer: (p: MediaCheckAsyncParams) => Promise<MediaCheckAsyncResult>, missing: string[] = []) {
  const calls: MediaCheckAsyncParams[] = [];
  const urlRequests: string[][] = [];
  const guard = createMediaCheckGuard({
    openapi: { security: { mediaCheckAsync: (p) => (calls.push(p), answer(p)) } },
    getTempFileURL: async ({ fileList }): Promise<TempFileUrlResult> => {
      urlRequests.push(fileList);
      return {
        fileList: fileList.map((fileID) =>
          missing.includes(fileID) ? { fileID, status: 1, errMsg: 'STORAGE_FILE_NONEXIST' } : { fileID, status: 0, tempFileURL: `https://tmp.example/${fileID.slice(8)}` },
        ),
      };
    },
    log: () => undefined,
  });
  return { guard, calls, urlRequests };
}

const traced = async (p: MediaCheckAsyncParams) => ({ errCode: 0, errMsg: 'ok', traceId: `t:${p.mediaUrl}` });

describe('mediaCheckAsync photo guard', () => {
  it('submits each photo as a temporary URL, image, version 2, scene 2, with the poster’s OPENID', async () => {
    const f = fake(traced);
    expect(await f.guard.submit([A, B], who)).toEqual([
      { photo: A, traceId: 't:https://tmp.example/env-1.7465/posts/u1/a.jpg' },
      { photo: B, traceId: 't:https://tmp.example/env-1.7465/posts/u1/b.jpg' },
    ]);
    expect(f.urlRequests).toEqual([[A, B]]);
    expect(f.calls).toEqual([
      { mediaUrl: 'https://tmp.example/env-1.7465/posts/u1/a.jpg', mediaType: 2, version: 2, scene: 2, openid: 'o-1' },
      { mediaUrl: 'https://tmp.example/env-1.7465/posts/u1/b.jpg', mediaType: 2, version: 2, scene: 2, openid: 'o-1' },
    ]);
  });

  it('leaves out a photo with no URL, one WeChat refused, and one answered without a trace id', async () => {
    const f = fake(async (p) => {
      if (p.mediaUrl.endsWith('b.jpg')) throw Object.assign(new Error('rate limited'), { errCode: 45009 });
      return traced(p);
    }, [A]);
    expect(await f.guard.submit([A, B], who)).toEqual([]);
    expect(f.calls).toHaveLength(1);
    const untraced = fake(async () => ({ errCode: 0, errMsg: 'ok' }));
    expect(await untraced.guard.submit([A], who)).toEqual([]);
  });

  it('starts nothing without an OPENID (WeChat needs one) or when storage is unreachable', async () => {
    const f = fake(traced);
    expect(await f.guard.submit([A], { userId: 'u1' })).toEqual([]);
    expect(f.calls).toEqual([]);
    const down = createMediaCheckGuard({
      openapi: { security: { mediaCheckAsync: traced } },
      getTempFileURL: async () => Promise.reject(new Error('storage down')),
    });
    expect(await down.submit([A], who)).toEqual([]);
  });
});
