import { act, renderHook, waitFor } from '@testing-library/react';
import type { ActionOutput } from '../../core/contract';
import { call } from '../api/call';
import { ApiCallError } from '../api/errors';
import { keepFeed, readKeptFeed } from '../lib/kept-feed';
import { arena, campaignData, makePost } from '../testing/fixtures';
import { useFeed } from './useFeed';

jest.mock('../api/call', () => ({ call: jest.fn() }));
const mocked = call as unknown as jest.Mock<Promise<unknown>, [string, Record<string, unknown>]>;

type Page = ActionOutput<'post.list'>;
const page = (ids: string[], nextCursor: string | null = null): Page => ({
  items: ids.map((id) => makePost({ id })),
  nextCursor,
});

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Answers each action from its own deferred, so a test decides what comes first. */
function answers() {
  const campaign = deferred<ActionOutput<'campaign.current'>>();
  const list = deferred<Page>();
  mocked.mockImplementation((action) =>
    action === 'campaign.current'
      ? campaign.promise
      : action === 'post.list'
        ? list.promise
        : new Promise(() => {}),
  );
  return { campaign, list };
}

const ids = (items: { id: string }[]) => items.map((p) => p.id);

beforeEach(() => mocked.mockReset());

// The campaign is loaded once per user and session (useArena), so each test signs in as its own user.
describe('the feed on opening', () => {
  it('shows the kept cards at once, then the fresh ones, and keeps those for the next open', async () => {
    keepFeed('user-a', arena, [makePost({ id: 'old' })], 5_000);
    const { campaign, list } = answers();
    const { result } = renderHook(() => useFeed('user-a'));
    expect(ids(result.current.items)).toEqual(['old']);
    expect(result.current.keptAt).toBe(5_000);
    expect(result.current.arena?.metric('m-invest')?.name).toBe('完成投资');
    // Both asked for at once: the posts do not wait for the campaign.
    await waitFor(() =>
      expect(mocked.mock.calls.map((c) => c[0]).sort()).toEqual(['campaign.current', 'post.list']),
    );

    await act(async () => list.resolve(page(['new', 'old'])));
    // The fresh cards wait for the fresh campaign: no card drawn against an old one.
    expect(ids(result.current.items)).toEqual(['old']);
    await act(async () => campaign.resolve(campaignData));
    expect(ids(result.current.items)).toEqual(['new', 'old']);
    expect(result.current.keptAt).toBeNull();
    expect(ids(readKeptFeed('user-a')?.posts ?? [])).toEqual(['new', 'old']);
  });

  it('keeps the kept cards on screen, with the reason, when the fresh ones cannot come', async () => {
    keepFeed('user-b', arena, [makePost({ id: 'old' })], 5_000);
    const { campaign, list } = answers();
    const { result } = renderHook(() => useFeed('user-b'));
    await act(async () => {
      campaign.resolve(campaignData);
      list.reject(new ApiCallError('NETWORK', '网络连接失败，请检查网络后重试'));
    });
    expect(ids(result.current.items)).toEqual(['old']);
    expect(result.current.keptAt).toBe(5_000);
    expect(result.current.error).toMatchObject({ code: 'NETWORK' });
    expect(result.current.loading).toBe(false);
    // Nothing more is asked for below cards that are about to be replaced.
    await act(() => result.current.loadMore());
    expect(mocked.mock.calls.filter((c) => c[0] === 'post.list')).toHaveLength(1);

    mocked.mockResolvedValueOnce(page(['new']));
    await act(() => result.current.refresh());
    expect(ids(result.current.items)).toEqual(['new']);
    expect(result.current.keptAt).toBeNull();
    expect(result.current.error).toBeNull();
  });

  it('with nothing kept, asks for both at once and draws the cards once both have come', async () => {
    const { campaign, list } = answers();
    const { result } = renderHook(() => useFeed('user-c'));
    expect(result.current.arena).toBeNull();
    expect(result.current.keptAt).toBeNull();
    await waitFor(() => expect(mocked).toHaveBeenCalledTimes(2));
    await act(async () => list.resolve(page(['a', 'b'], 'c1')));
    expect(result.current.items).toEqual([]);
    await act(async () => campaign.resolve(campaignData));
    expect(ids(result.current.items)).toEqual(['a', 'b']);
    expect(result.current.ended).toBe(false);
  });

  it('never shows what was kept for someone else', async () => {
    keepFeed('user-d', arena, [makePost({ id: 'theirs' })]);
    answers();
    const { result } = renderHook(() => useFeed('user-e'));
    expect(result.current.items).toEqual([]);
    expect(result.current.keptAt).toBeNull();
    await waitFor(() => expect(mocked).toHaveBeenCalledTimes(2));
  });

  it('asks for the campaign again on a refresh only if it had failed', async () => {
    const { campaign, list } = answers();
    const { result } = renderHook(() => useFeed('user-f'));
    await act(async () => {
      campaign.reject(new ApiCallError('NETWORK', '网络连接失败，请检查网络后重试'));
      list.resolve(page(['a']));
    });
    expect(result.current.arena).toBeNull();
    expect(result.current.error).toMatchObject({ code: 'NETWORK' });
    mocked.mockImplementation(async (action) => (action === 'campaign.current' ? campaignData : page(['a'])));
    await act(() => result.current.refresh());
    expect(ids(result.current.items)).toEqual(['a']);
    expect(mocked.mock.calls.filter((c) => c[0] === 'campaign.current')).toHaveLength(2);
  });
});
