/**
 * Whose photo is it, on the WeChat cloud (issue 7). The app uploads with `Taro.cloud.uploadFile` to
 * `posts/<user id>/…` (core/contract `cloudPhotoFolder`); cloud storage answers with the fileID
 * `cloud://<env id>.<bucket>/<cloudPath>`. A post may name only a fileID of the environment this function
 * runs in (`getWXContext().ENV`) under the author's own folder. Another user could upload into someone
 * else's folder, but gains nothing by it: only that folder's owner may post from it, and the storage rule
 * "仅创建者可读写" (README) keeps anyone from overwriting another's file. An outside URL, `javascript:`,
 * another environment's file or another user's folder is refused.
 */
import type { PhotoRefs } from '../../core/app/ports';
import { cloudPhotoFolder } from '../../core/contract';

/** `cloud://<env>.<bucket>/<path>`, each segment of the path plain: no `.` or `..`, nothing escaped. */
const fileId = /^cloud:\/\/([A-Za-z0-9_-]+)\.[A-Za-z0-9_-]+\/((?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)*[A-Za-z0-9_-][A-Za-z0-9._-]*)$/;

export interface CloudPhotoRefsOptions {
  /** The id of the environment this function runs in; undefined when the platform did not say. */
  currentEnv: () => string | undefined;
}

export function createCloudPhotoRefs({ currentEnv }: CloudPhotoRefsOptions): PhotoRefs {
  return {
    async owns(ref, who) {
      const m = fileId.exec(ref);
      const env = currentEnv();
      return m?.[2] !== undefined && env !== undefined && m[1] === env && m[2].startsWith(cloudPhotoFolder(who.userId));
    },
  };
}
