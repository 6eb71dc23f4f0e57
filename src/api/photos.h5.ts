/** Browser: choose images, then POST each to /api/files (multipart, Bearer token); the server checks the content. */
import Taro from '@tarojs/taro';
import { ApiCallError, networkError } from './errors';
import { getToken } from './session';
import type { Photos } from './photos.types';

async function upload(file: Blob, name: string): Promise<string> {
  const form = new FormData();
  form.append('file', file, name);
  const token = getToken();
  let body: { ok?: boolean; data?: { url?: string }; error?: { code?: string; message?: string } };
  try {
    const res = await fetch('/api/files', {
      method: 'POST',
      body: form,
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });
    body = (await res.json()) as typeof body;
  } catch {
    throw networkError();
  }
  if (body.ok && typeof body.data?.url === 'string') return body.data.url;
  throw new ApiCallError('INVALID_ARGUMENT', body.error?.message ?? '照片上传失败');
}

export const photos: Photos = {
  supported: true,
  async pickAndUpload(max) {
    if (max <= 0) return [];
    const picked = await Taro.chooseImage({
      count: max,
      sizeType: ['compressed'],
      sourceType: ['album', 'camera'],
    });
    const urls: string[] = [];
    for (const [i, f] of picked.tempFiles.entries()) {
      const blob = f.originalFileObj ?? (await (await fetch(f.path)).blob());
      urls.push(await upload(blob, f.originalFileObj?.name ?? `photo-${i + 1}.jpg`));
    }
    return urls;
  },
};
