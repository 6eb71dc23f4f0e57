/** WeChat: photo upload goes through cloud storage, which the cloud version builds; not offered yet. */
import type { Photos } from './photos.types';

export const photos: Photos = {
  supported: false,
  pickAndUpload: () => Promise.resolve([]),
};
