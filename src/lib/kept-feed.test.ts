import Taro from '@tarojs/taro';
import { arena, campaignData, makePost } from '../testing/fixtures';
import { buildArena } from './arena';
import { campaignSlice, forgetKeptFeed, keepFeed, readKeptFeed } from './kept-feed';

const posts = [
  makePost({ id: 'p2', createdAt: '2025-02-10T03:00:00.000Z' }),
  makePost({ id: 'p1', figures: [{ metricId: 'm-rate', value: 40, previous: null }] }),
];

describe('the feed kept on the phone', () => {
  it('comes back for the same user, cards and campaign as they were kept', () => {
    keepFeed('user-1', arena, posts, 1_000);
    const kept = readKeptFeed('user-1');
    expect(kept?.posts.map((p) => p.id)).toEqual(['p2', 'p1']);
    expect(kept?.savedAt).toBe(1_000);
    // The kept campaign draws the cards the same way: names, measures and targets.
    const again = buildArena(kept!.campaign);
    expect(again.campaign).toEqual(campaignData.campaign);
    expect(again.metric('m-rate')?.name).toBe('开工率');
    expect(again.target('u1', 'm-invest')).toBe(10);
  });

  it('is never shown to another user', () => {
    keepFeed('user-1', arena, posts);
    expect(readKeptFeed('user-2')).toBeNull();
  });

  it('keeps only the units and targets of the kept posts, not the whole city', () => {
    const slice = campaignSlice(arena, posts);
    expect(slice.units.map((u) => u.id)).toEqual(['u1']);
    expect(slice.targets).toEqual(campaignData.targets.filter((t) => t.unitId === 'u1'));
    expect(slice.tracks).toEqual(campaignData.tracks);
  });

  it('drops what it cannot read: another version, a broken slot, no posts', () => {
    Taro.setStorageSync('arena.feed', { v: 0, userId: 'user-1', posts, savedAt: 1 });
    expect(readKeptFeed('user-1')).toBeNull();
    expect(Taro.getStorageSync('arena.feed')).toBe('');
    Taro.setStorageSync('arena.feed', 'garbled');
    expect(readKeptFeed('user-1')).toBeNull();
    keepFeed('user-1', arena, []);
    expect(readKeptFeed('user-1')).toBeNull();
  });

  it('is gone once forgotten', () => {
    keepFeed('user-1', arena, posts);
    forgetKeptFeed();
    expect(readKeptFeed('user-1')).toBeNull();
  });
});
