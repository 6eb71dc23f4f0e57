/**
 * Whose photo a fileID is, on the cloud: only a file of the environment this function runs in, under the
 * author's own folder `posts/<user id>/`. Everything else is refused.
 */
import { cloudPhotoFolder } from '../../core/contract';
import { createCloudPhotoRefs } from './photo-refs';

const refs = createCloudPhotoRefs({ currentEnv: () => 'prod-4g5h6j' });
const me = { userId: 'u-7f3a', openid: 'o-me' };
const file = (env: string, path: string) => `cloud://${env}.7072-${env}-1250000000/${path}`;

describe('cloud photo references', () => {
  it('accepts the author’s own upload in this environment, as the app names it', async () => {
    expect(cloudPhotoFolder(me.userId)).toBe('posts/u-7f3a/');
    expect(await refs.owns(file('prod-4g5h6j', 'posts/u-7f3a/2025-10-10/lq3x-8k2m1p.jpg'), me)).toBe(true);
  });

  it.each([
    ['another environment’s file', file('test-9z8y7x', 'posts/u-7f3a/2025-10-10/a.jpg')],
    ['another user’s folder', file('prod-4g5h6j', 'posts/u-99/2025-10-10/a.jpg')],
    ['a folder whose name only starts like mine', file('prod-4g5h6j', 'posts/u-7f3a-x/a.jpg')],
    ['a file outside the posts folder', file('prod-4g5h6j', 'avatars/u-7f3a/a.jpg')],
    ['a path that climbs out', file('prod-4g5h6j', 'posts/u-7f3a/../u-99/a.jpg')],
    ['an escaped path', file('prod-4g5h6j', 'posts/u-7f3a/%2e%2e/a.jpg')],
    ['an outside URL', 'https://elsewhere.example/posts/u-7f3a/a.jpg'],
    ['a temporary URL of our own storage', 'https://7072-prod-4g5h6j-1250000000.tcb.example/posts/u-7f3a/a.jpg'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a fileID with no bucket', 'cloud://prod-4g5h6j/posts/u-7f3a/a.jpg'],
  ])('refuses %s', async (_what, ref) => {
    expect(await refs.owns(ref, me)).toBe(false);
  });

  it('refuses every fileID when the platform does not say which environment this is', async () => {
    const unknown = createCloudPhotoRefs({ currentEnv: () => undefined });
    expect(await unknown.owns(file('prod-4g5h6j', 'posts/u-7f3a/a.jpg'), me)).toBe(false);
  });

  it('reads the environment on every call, not once', async () => {
    let env = 'prod-4g5h6j';
    const live = createCloudPhotoRefs({ currentEnv: () => env });
    const ref = file('prod-4g5h6j', 'posts/u-7f3a/a.jpg');
    expect(await live.owns(ref, me)).toBe(true);
    env = 'test-9z8y7x';
    expect(await live.owns(ref, me)).toBe(false);
  });
});
