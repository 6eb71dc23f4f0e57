/**
 * WeChat: photos go straight from the phone to cloud storage. Chosen with chooseMedia (album or camera),
 * compressed again on the phone, uploaded with Taro.cloud.uploadFile into the user's own folder (the cloud
 * function accepts in a post only fileIDs of its environment under the poster's folder); the post keeps
 * the fileIDs and readers get temporary URLs from the cloud.
 */
import Taro from '@tarojs/taro';
import { cloudPhotoFolder } from '../../core/contract';
import { dayOf } from '../../core/domain/days';
import { ApiCallError } from './errors';
import type { Photos } from './photos.types';
import { getUser } from './session';

const randomName = (): string => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** A smaller file is a faster upload on a weak signal; a failed compression just sends the original. */
async function compressed(path: string): Promise<string> {
  try {
    return (await Taro.compressImage({ src: path, quality: 80 })).tempFilePath;
  } catch {
    return path;
  }
}

async function upload(filePath: string, userId: string): Promise<string> {
  try {
    const res = await Taro.cloud.uploadFile({
      cloudPath: `${cloudPhotoFolder(userId)}${dayOf(Date.now())}/${randomName()}.jpg`,
      filePath,
    });
    return res.fileID;
  } catch {
    throw new ApiCallError('NETWORK', '照片上传失败，请检查网络后重试');
  }
}

export const photos: Photos = {
  supported: true,
  async pickAndUpload(max) {
    if (max <= 0) return [];
    const user = getUser();
    if (!user) throw new ApiCallError('UNAUTHENTICATED', '请先登录，再上传照片');
    const picked = await Taro.chooseMedia({
      count: Math.min(max, 9),
      mediaType: ['image'],
      sizeType: ['compressed'],
      sourceType: ['album', 'camera'],
    });
    const ids: string[] = [];
    for (const f of picked.tempFiles) ids.push(await upload(await compressed(f.tempFilePath), user.id));
    return ids;
  },
};
