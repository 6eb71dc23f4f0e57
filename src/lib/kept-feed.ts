/**
 * The feed's first screen kept on the phone (Taro storage: localStorage in the browser, wx storage on
 * WeChat), so that someone coming back sees the last cards at once while the fresh ones come.
 *
 * One slot, owned by one user. A user belongs to one city, so the user's id names the city as well; a slot
 * of anybody else is never read, and signing out or changing user empties it (api/session.ts).
 * Only what the cards draw is kept: the campaign and its metrics, the posts, and the units and targets of
 * those posts. A whole province's targets would not fit WeChat's 1 MB per key, and are not needed here.
 * What is kept was checked against the contract when it came; reading it back checks only its shape.
 */
import Taro from '@tarojs/taro';
import type { ActionOutput, Post } from '../../core/contract';
import type { Arena } from './arena';

const KEY = 'arena.feed';
/** Bumped when the stored shape changes: an older slot is then dropped instead of misread. */
const VERSION = 1;

export type CampaignData = ActionOutput<'campaign.current'>;

export interface KeptFeed {
  /** The part of the campaign the kept posts need (buildArena takes it as it is). */
  campaign: CampaignData;
  posts: Post[];
  /** When it was kept (ms since the epoch). */
  savedAt: number;
}

interface Slot extends KeptFeed {
  v: number;
  userId: string;
}

/** The campaign cut down to what `posts` draw: every metric, and only their units' units and targets. */
export function campaignSlice(arena: Arena, posts: readonly Post[]): CampaignData {
  const units = [...new Set(posts.map((p) => p.unitId))].flatMap((id) => {
    const unit = arena.unit(id);
    return unit ? [unit] : [];
  });
  const targets = units.flatMap((u) =>
    arena.metricsOf(u.id).flatMap((m) => {
      const target = arena.target(u.id, m.id);
      return target === undefined ? [] : [{ unitId: u.id, metricId: m.id, target }];
    }),
  );
  return { campaign: arena.campaign, tracks: arena.tracks, units, targets };
}

/** Keeps `posts` (the newest page) for `userId`; a full or failing storage only means nothing is kept. */
export function keepFeed(userId: string, arena: Arena, posts: readonly Post[], now = Date.now()): void {
  const slot: Slot = {
    v: VERSION,
    userId,
    savedAt: now,
    campaign: campaignSlice(arena, posts),
    posts: [...posts],
  };
  try {
    Taro.setStorageSync(KEY, slot);
  } catch {
    forgetKeptFeed();
  }
}

/** What was kept for `userId`, or null: nothing kept, kept for someone else, or not in today's shape. */
export function readKeptFeed(userId: string): KeptFeed | null {
  let raw: unknown;
  try {
    raw = Taro.getStorageSync(KEY);
  } catch {
    return null;
  }
  if (!raw) return null;
  if (!isSlot(raw)) {
    forgetKeptFeed();
    return null;
  }
  if (raw.userId !== userId || raw.posts.length === 0) return null;
  return { campaign: raw.campaign, posts: raw.posts, savedAt: raw.savedAt };
}

/** Empties the slot (signing out, another user). */
export function forgetKeptFeed(): void {
  try {
    Taro.removeStorageSync(KEY);
  } catch {
    // nothing stored
  }
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

function isSlot(x: unknown): x is Slot {
  if (!isObject(x) || x.v !== VERSION || typeof x.userId !== 'string' || typeof x.savedAt !== 'number')
    return false;
  const c = x.campaign;
  return (
    Array.isArray(x.posts) &&
    x.posts.every(
      (p) => isObject(p) && typeof p.id === 'string' && Array.isArray(p.figures) && Array.isArray(p.photos),
    ) &&
    isObject(c) &&
    isObject(c.campaign) &&
    typeof c.campaign.id === 'string' &&
    Array.isArray(c.tracks) &&
    Array.isArray(c.units) &&
    Array.isArray(c.targets)
  );
}
