import { arena, makePost } from '../testing/fixtures';
import { keepFeed, readKeptFeed } from '../lib/kept-feed';
import { setSession, setUser } from './session';

const user = (id: string) => ({
  id,
  name: id,
  role: 'reporter' as const,
  unitId: 'u1',
  unitName: '东城街道',
});

beforeEach(() => setSession('tok', user('r1')));

describe('what is kept for a user goes with the user', () => {
  it('signing out forgets the kept feed', () => {
    keepFeed('r1', arena, [makePost()]);
    setSession(null, null);
    expect(readKeptFeed('r1')).toBeNull();
  });

  it('another user signing in on the same phone forgets it too', () => {
    keepFeed('r1', arena, [makePost()]);
    setSession('tok-2', user('r2'));
    expect(readKeptFeed('r1')).toBeNull();
  });

  it('the same user again (a renewed session, fresh details) keeps it', () => {
    keepFeed('r1', arena, [makePost()]);
    setUser({ ...user('r1'), name: '陈晓燕' });
    expect(readKeptFeed('r1')?.posts).toHaveLength(1);
  });
});
