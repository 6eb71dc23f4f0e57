/**
 * The Store, by area: each area of the app owns the slice it needs (`<area>/store.ts`), and every store
 * adapter implements each slice in a file of the same name. A use case takes the slice it uses; a new
 * area (tasks, reviews) is a new slice here, not more methods on one hub. Every adapter passes the one
 * Store contract suite (tests/store/), one cases file per slice.
 */
import type { CampaignStore } from './campaigns/store';
import type { NotificationStore } from './notifications/store';
import type { PeopleStore } from './people/store';
import type { PostStore } from './posts/store';
import type { ReviewStore } from './reviews/store';
import type { SocialStore } from './social/store';
import type { StandingsStore } from './standings/store';
import type { TaskStore } from './tasks/store';

export interface Store {
  campaigns: CampaignStore;
  people: PeopleStore;
  posts: PostStore;
  standings: StandingsStore;
  notifications: NotificationStore;
  tasks: TaskStore;
  reviews: ReviewStore;
  social: SocialStore;
}

export type { CampaignStore, NotificationStore, PeopleStore, PostStore, ReviewStore, SocialStore, StandingsStore, TaskStore };
