/**
 * Whose photo is it, on the self-hosted server (issue 7). An upload is stored as
 * `<owner tag>-<random>.<ext>`, where the tag is derived from the signed-in uploader's id: the server, not
 * the client, picks it, so no one can store a file under someone else's tag. A post may then name a photo
 * only as `/files/<name>` with the author's own tag, and only when that file is really here. An outside
 * URL, another user's upload or a made-up name is refused; nothing needs a table or a secret.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { PhotoRefs } from '../core/app/ports';

/** 16 hex characters: enough that two users never share a tag, and no user id appears in a URL. */
export const ownerTag = (userId: string): string =>
  createHash('sha256').update(`arena-photo-owner:${userId}`).digest('hex').slice(0, 16);

/** A reference a post may carry: the URL `POST /api/files` answered with. */
const ownedRef = /^\/files\/(([0-9a-f]{16})-[0-9a-f]{32}\.(?:jpg|png|gif|webp))$/;

export function createServerPhotoRefs(dir: string): PhotoRefs {
  return {
    async owns(ref, who) {
      const m = ownedRef.exec(ref);
      if (!m?.[1] || m[2] !== ownerTag(who.userId)) return false;
      try {
        return (await stat(join(dir, m[1]))).isFile();
      } catch {
        return false;
      }
    },
  };
}
