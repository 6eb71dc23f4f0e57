/**
 * The one Store contract suite (ARCHITECTURE.md "One Store contract test suite"): every Store adapter runs
 * it — `describeStore('sqlite', makeStore)`. One cases file per slice of the Store (`<slice>.cases.ts`,
 * the posts slice in three: the transaction, the feed, image checks), each following the doc comments of
 * its slice in core/app/<area>/store.ts and assuming nothing about how a store keeps its data. A case an
 * adapter cannot support is skipped by id, with the reason, which then shows in the test name.
 */
import type { Store } from '../../core/app/store';
import { campaignCaseIds, campaignCases } from './campaigns.cases';
import { notificationCaseIds, notificationCases } from './notifications.cases';
import { peopleCaseIds, peopleCases } from './people.cases';
import { postCaseIds, postCases } from './posts.cases';
import { postFeedCaseIds, postFeedCases } from './posts.feed.cases';
import { postPhotoCaseIds, postPhotoCases } from './posts.photos.cases';
import { reviewCaseIds, reviewCases } from './reviews.cases';
import { socialCaseIds, socialCases } from './social.cases';
import { standingsCaseIds, standingsCases } from './standings.cases';
import { taskCaseIds, taskCases } from './tasks.cases';

/** Every case id, slice by slice: what an adapter may name to skip a case. */
export const storeCases = [
  ...campaignCaseIds,
  ...peopleCaseIds,
  ...postCaseIds,
  ...postFeedCaseIds,
  ...postPhotoCaseIds,
  ...standingsCaseIds,
  ...notificationCaseIds,
  ...taskCaseIds,
  ...reviewCaseIds,
  ...socialCaseIds,
] as const;
export type StoreCase = (typeof storeCases)[number];

export type MakeStore = () => Promise<{ store: Store; close?: () => Promise<void> | void }>;

export interface StoreSuiteOptions {
  /** Cases this adapter cannot support, each with the reason (shown in the skipped test's name). */
  skip?: Partial<Record<StoreCase, string>>;
  /** Per-case timeout in ms for slow doubles (default: jest's). */
  timeoutMs?: number;
}

/** What a group of cases gets: the store of the running test, more fresh stores, and the case wrapper. */
export interface SuiteContext {
  store(): Store;
  /** Another empty store, closed after the test (for replaying into). */
  fresh(): Promise<Store>;
  it(id: StoreCase, title: string, fn: () => Promise<void>): void;
}

export function describeStore(name: string, makeStore: MakeStore, options: StoreSuiteOptions = {}): void {
  describe(`Store contract: ${name}`, () => {
    let opened: Array<Awaited<ReturnType<MakeStore>>> = [];
    let current: Store | null = null;

    const fresh = async (): Promise<Store> => {
      const made = await makeStore();
      opened.push(made);
      return made.store;
    };

    beforeEach(async () => {
      current = await fresh();
    });

    afterEach(async () => {
      const toClose = opened.reverse();
      opened = [];
      current = null;
      for (const made of toClose) await made.close?.();
    });

    const ctx: SuiteContext = {
      store: () => {
        if (!current) throw new Error('no store: the suite creates one before each case');
        return current;
      },
      fresh,
      it: (id, title, fn) => {
        const reason = options.skip?.[id];
        if (reason) it.skip(`${title} [${id}] — skipped: ${reason}`, fn);
        else it(`${title} [${id}]`, fn, options.timeoutMs);
      },
    };

    campaignCases(ctx);
    peopleCases(ctx);
    postCases(ctx);
    postFeedCases(ctx);
    postPhotoCases(ctx);
    standingsCases(ctx);
    notificationCases(ctx);
    taskCases(ctx);
    reviewCases(ctx);
    socialCases(ctx);
  });
}
