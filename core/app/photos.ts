/**
 * Photos as readers can load them (issue 4 "Files"): a post keeps file ids; on WeChat the Files port
 * turns them into temporary URLs, one call per page of posts. Without the port, or when it fails, the
 * ids are shown as they are (self-hosted URLs) — a missing picture is better than a missing feed.
 */
import type { Ctx } from './context';
import type { PostRecord } from './ports';

export type PhotoUrls = (fileId: string) => string;

export async function photoUrls(ctx: Ctx, posts: readonly PostRecord[]): Promise<PhotoUrls> {
  const { files, log } = ctx.deps;
  const fileIds = [...new Set(posts.flatMap((p) => p.photos))];
  if (!files || fileIds.length === 0) return (id) => id;
  try {
    const urls = await files.urls(fileIds);
    return (id) => urls.get(id) ?? id;
  } catch (error) {
    log?.({ level: 'error', msg: 'photo urls failed', error: error instanceof Error ? error.message : String(error) });
    return (id) => id;
  }
}
