/**
 * Photo URLs from cloud storage: fileIDs become temporary URLs, asked for 50 at a time; other ids pass
 * through; a fileID that cannot be resolved (or a failed call) falls back to the fileID itself.
 */
import type { GetTempFileURL } from './cloud-types';
import { createCloudFiles } from './files';

const fileId = (i: number) => `cloud://env-1.7465/posts/${i}.jpg`;

function fakeStorage(fail: (ids: string[]) => boolean = () => false) {
  const batches: string[][] = [];
  const getTempFileURL: GetTempFileURL = async ({ fileList }) => {
    batches.push(fileList);
    if (fail(fileList)) throw new Error('storage unavailable');
    return {
      fileList: fileList.map((id) =>
        id.endsWith('gone.jpg')
          ? { fileID: id, status: -503003, errMsg: 'file not exist' }
          : { fileID: id, status: 0, tempFileURL: `https://tmp.example/${id.slice(8)}` },
      ),
    };
  };
  return { getTempFileURL, batches };
}

describe('cloud files', () => {
  it('resolves 120 fileIDs in batches of at most 50 and passes other ids through', async () => {
    const storage = fakeStorage();
    const ids = [...Array.from({ length: 120 }, (_, i) => fileId(i)), 'https://self.host/p.jpg', fileId(3)];
    const urls = await createCloudFiles(storage).urls(ids);
    expect(storage.batches.map((b) => b.length)).toEqual([50, 50, 20]);
    expect(urls.size).toBe(121);
    expect(urls.get(fileId(7))).toBe('https://tmp.example/env-1.7465/posts/7.jpg');
    expect(urls.get('https://self.host/p.jpg')).toBe('https://self.host/p.jpg');
  });

  it('a missing file or a failed batch answers the fileID itself', async () => {
    const storage = fakeStorage((ids) => ids.includes(fileId(60)));
    const log = jest.fn();
    const gone = 'cloud://env-1.7465/posts/gone.jpg';
    const ids = [gone, ...Array.from({ length: 70 }, (_, i) => fileId(i))];
    const urls = await createCloudFiles({ ...storage, log }).urls(ids);
    expect(urls.get(gone)).toBe(gone);
    expect(urls.get(fileId(1))).toMatch(/^https:/);
    expect(urls.get(fileId(60))).toBe(fileId(60));
    expect(log).toHaveBeenCalledTimes(1);
  });

  it('no cloud ids, no call', async () => {
    const storage = fakeStorage();
    expect(await createCloudFiles(storage).urls([])).toEqual(new Map());
    expect(storage.batches).toHaveLength(0);
  });
});
