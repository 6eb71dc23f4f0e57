import { call } from '../api/call';
import { setSession } from '../api/session';
import { keepFeed } from '../lib/kept-feed';
import { arena, makePost } from '../testing/fixtures';
import { startFeedEarly, takeEarlyPage } from './feedEarly';

jest.mock('../api/call', () => ({ call: jest.fn() }));
jest.mock('../lib/opens-on-feed', () => ({ opensOnFeed: () => true }));
const mocked = call as unknown as jest.Mock<Promise<unknown>, [string, Record<string, unknown>]>;

const user = (id: string) => ({
  id,
  name: id,
  role: 'reporter' as const,
  unitId: 'u1',
  unitName: '东城街道',
});
const actions = () => mocked.mock.calls.map((c) => c[0]).sort();

beforeEach(() => {
  mocked.mockReset();
  mocked.mockImplementation(() => new Promise(() => {}));
});

describe('the feed’s requests at app start', () => {
  it('go out before the page, signed in with nothing kept, and the page takes the first page once', () => {
    setSession('tok', user('early-1'));
    startFeedEarly();
    expect(actions()).toEqual(['campaign.current', 'post.list']);
    expect(mocked.mock.calls.find((c) => c[0] === 'post.list')![1]).toEqual({ limit: 10 });
    expect(takeEarlyPage('someone-else')).toBeNull();
    startFeedEarly();
    expect(takeEarlyPage('early-1')).toBeInstanceOf(Promise);
    expect(takeEarlyPage('early-1')).toBeNull();
  });

  it('wait for the page when it has kept cards to show meanwhile', () => {
    setSession('tok', user('early-2'));
    keepFeed('early-2', arena, [makePost()]);
    startFeedEarly();
    expect(mocked).not.toHaveBeenCalled();
    expect(takeEarlyPage('early-2')).toBeNull();
  });

  it('ask nothing for nobody', () => {
    setSession(null, null);
    startFeedEarly();
    expect(mocked).not.toHaveBeenCalled();
  });
});
