/**
 * Photos in posts (issues 4 and 7). Before a post is written, every photo it names must be one this
 * deployment stored for its author (the PhotoRefs port: the server's own uploads, or this cloud
 * environment's files under the caller's folder): an outside URL, `javascript:`, another environment's file
 * or another user's upload is refused, and nothing is written. Readers get loadable URLs through the Files
 * port, one call per page of posts; a photo an image check hid gets no URL at all. Without the Files port,
 * or when it fails, ids are shown as they are (self-hosted URLs): a missing picture beats a missing feed.
 */
import { fail, type Fail } from '../../contract';
import type { Ctx, UserCtx } from '../context';
import type { PostRecord } from './store';

export type PhotoUrls = (fileId: string) => string;

/** Why a photo is refused, naming it by its place in the post (people count from 1). */
const notYours = (i: number): Fail =>
  fail(
    'INVALID_ARGUMENT',
    `photos.${i}：第 ${i + 1} 张照片不是你在本应用上传的（外部链接、其他环境或他人上传的照片都不能用），请删除后重新上传。`,
  );

/** A Fail when a photo of the post may not be used by this user; null when all may. */
export async function checkPhotoRefs(ctx: UserCtx, photos: readonly string[]): Promise<Fail | null> {
  if (photos.length === 0) return null;
  const { photoRefs } = ctx.deps;
  if (!photoRefs) return fail('INVALID_ARGUMENT', '这里不能附照片，请去掉照片后再发。');
  const who = { userId: ctx.user.id, ...(ctx.user.openid ? { openid: ctx.user.openid } : {}) };
  const seen = new Set<string>();
  for (const [i, ref] of photos.entries()) {
    if (seen.has(ref)) return fail('INVALID_ARGUMENT', `photos.${i}：第 ${i + 1} 张照片重复了，请删除后再发。`);
    seen.add(ref);
    if (!(await photoRefs.owns(ref, who))) return notYours(i);
  }
  return null;
}

export async function photoUrls(ctx: Ctx, posts: readonly PostRecord[]): Promise<PhotoUrls> {
  const { files, log } = ctx.deps;
  // A hidden photo is never signed: not even a temporary URL of it leaves the server.
  const shown = posts.flatMap((p) => p.photos.filter((id) => !p.hiddenPhotos?.includes(id)));
  const fileIds = [...new Set(shown)];
  if (!files || fileIds.length === 0) return (id) => id;
  try {
    const urls = await files.urls(fileIds);
    return (id) => urls.get(id) ?? id;
  } catch (error) {
    log?.({ level: 'error', msg: 'photo urls failed', error: error instanceof Error ? error.message : String(error) });
    return (id) => id;
  }
}

/** The post's photos as readers get them: a hidden one as '' with its index listed in `hiddenPhotos`. */
export function photosOut(p: PostRecord, url: PhotoUrls): { photos: string[]; hiddenPhotos?: number[] } {
  const hidden = new Set(p.hiddenPhotos ?? []);
  const photos = p.photos.map((id) => (hidden.has(id) ? '' : url(id)));
  const indexes = p.photos.flatMap((id, i) => (hidden.has(id) ? [i] : []));
  return indexes.length > 0 ? { photos, hiddenPhotos: indexes } : { photos };
}
