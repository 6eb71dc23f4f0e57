import { act, renderHook, waitFor } from '@testing-library/react';
import type { ActionOutput } from '../../core/contract';
import { call } from '../api/call';
import { makePost } from '../testing/fixtures';
import { usePostList } from './usePostList';

jest.mock('../api/call', () => ({ call: jest.fn() }));
const mocked = call as unknown as jest.Mock<
  Promise<ActionOutput<'post.list'>>,
  [string, Record<string, unknown>]
>;

type Page = ActionOutput<'post.list'>;
const page = (ids: string[], nextCursor: string | null): Page => ({
  items: ids.map((id) => makePost({ id })),
  nextCursor,
});

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

beforeEach(() => mocked.mockReset());

describe('the feed list', () => {
  it('loads the newest page first, then the next by cursor, and knows when there is no more', async () => {
    mocked.mockResolvedValueOnce(page(['a', 'b'], 'c1')).mockResolvedValueOnce(page(['c'], null));
    const { result } = renderHook(() => usePostList({ enabled: true, limit: 2 }));
    await waitFor(() => expect(result.current.items.map((p) => p.id)).toEqual(['a', 'b']));
    expect(result.current.ended).toBe(false);
    await act(() => result.current.loadMore());
    expect(result.current.items.map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(result.current.ended).toBe(true);
    expect(mocked.mock.calls[1]).toEqual(['post.list', { limit: 2, cursor: 'c1' }]);
    // At the end, scrolling further asks nothing.
    await act(() => result.current.loadMore());
    expect(mocked).toHaveBeenCalledTimes(2);
  });

  it('keeps one request in flight: reaching the bottom twice fetches the next page once', async () => {
    mocked.mockResolvedValueOnce(page(['a'], 'c1'));
    const { result } = renderHook(() => usePostList({ enabled: true }));
    await waitFor(() => expect(result.current.items).toHaveLength(1));
    const slow = deferred<Page>();
    mocked.mockReturnValueOnce(slow.promise);
    let first!: Promise<void>;
    let second!: Promise<void>;
    act(() => {
      first = result.current.loadMore();
      second = result.current.loadMore();
    });
    slow.resolve(page(['b'], null));
    await act(() => Promise.all([first, second]).then(() => undefined));
    expect(mocked).toHaveBeenCalledTimes(2);
    expect(result.current.items.map((p) => p.id)).toEqual(['a', 'b']);
  });

  it('pull to refresh starts again from the top', async () => {
    mocked.mockResolvedValueOnce(page(['a'], 'c1')).mockResolvedValueOnce(page(['new', 'a'], 'c2'));
    const { result } = renderHook(() => usePostList({ enabled: true }));
    await waitFor(() => expect(result.current.items).toHaveLength(1));
    await act(() => result.current.refresh());
    expect(result.current.items.map((p) => p.id)).toEqual(['new', 'a']);
    expect(mocked.mock.calls[1]![1]).not.toHaveProperty('cursor');
  });

  it('shows an error and keeps what it had when a page fails', async () => {
    mocked.mockResolvedValueOnce(page(['a'], 'c1')).mockRejectedValueOnce(new Error('offline'));
    const { result } = renderHook(() => usePostList({ enabled: true }));
    await waitFor(() => expect(result.current.items).toHaveLength(1));
    await act(() => result.current.loadMore());
    expect(result.current.error).toBeInstanceOf(Error);
    expect(result.current.items.map((p) => p.id)).toEqual(['a']);
    expect(result.current.loading).toBe(false);
  });

  it('takes the first page already on its way, once: a refresh asks again', async () => {
    const early = deferred<Page>();
    mocked.mockResolvedValueOnce(page(['b', 'a'], 'c1'));
    const { result } = renderHook(() => usePostList({ enabled: true, first: () => early.promise }));
    expect(mocked).not.toHaveBeenCalled();
    await act(async () => early.resolve(page(['a'], 'c0')));
    expect(result.current.items.map((p) => p.id)).toEqual(['a']);
    await act(() => result.current.refresh());
    expect(mocked).toHaveBeenCalledTimes(1);
    expect(result.current.items.map((p) => p.id)).toEqual(['b', 'a']);
  });

  it('waits until it is enabled (signed in, campaign loaded)', () => {
    renderHook(() => usePostList({ enabled: false }));
    expect(mocked).not.toHaveBeenCalled();
  });
});
