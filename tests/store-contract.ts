/**
 * The one Store contract suite (ARCHITECTURE.md "One Store contract test suite"): every Store adapter runs
 * it — `describeStore('sqlite', makeStore)`. It follows the doc comments of `Store` in core/app/ports.ts and
 * assumes nothing about how a store keeps its data. A case an adapter cannot support is skipped by id,
 * with the reason, which then shows in the test name.
 */
import type { Store } from '../core/app/ports';
import { campaignCases, peopleCases } from './store-cases-setup';
import { commitCases } from './store-cases-commit';
import { concurrencyCases, replayCases } from './store-cases-replay';
import { figureCases, listCases } from './store-cases-read';
import { joinCases } from './store-cases-join';
import { notifyCases } from './store-cases-notify';
import { photoCases } from './store-cases-photos';
import { creditCases } from './store-cases-credits';

export const storeCases = [
  'campaign.roundTrip',
  'campaign.unknown',
  'campaign.replace',
  'campaign.sideBySide',
  'campaign.current',
  'campaign.resaveKeepsPosts',
  'records.copied',
  'users.roundTrip',
  'users.replace',
  'users.demoFilter',
  'sessions.roundTrip',
  'sessions.delete',
  'commit.writes',
  'commit.decideSeesLatest',
  'commit.keepsDecidedFigures',
  'commit.textOnly',
  'commit.refused',
  'commit.decideThrows',
  'commit.replay',
  'commit.replayOtherAuthor',
  'commit.lastOfDayWins',
  'commit.dataVersion',
  'commit.dataVersionOnSave',
  'commit.campaignVersion',
  'commit.concurrent',
  'list.newestFirst',
  'list.ties',
  'list.byUnit',
  'list.paging',
  'list.short',
  'list.isolated',
  'figures.latest',
  'figures.asOf',
  'figures.daily',
  'replay.sameFigures',
  // issue 4: joining and reminders
  'users.newFields',
  'users.byOpenid',
  'users.byAccount',
  'users.uniqueOpenid',
  'users.uniqueAccount',
  'invites.redeem',
  'invites.concurrent',
  'invites.expired',
  'invites.unknown',
  'sessions.deleteUser',
  'notify.dedupe',
  'notify.paging',
  'notify.unread',
  'notify.channels',
  // issue 7: credits per template, stored dedupe keys
  'credits.perTemplate',
  'credits.dropAll',
  'credits.unknownUser',
  'credits.putUser',
  'credits.concurrent',
  'notify.storedKeys',
  'posts.lastPostDays',
  'commit.flagged',
  // issue 7: image checks
  'photos.checks',
  'photos.hide',
  'photos.flagOnly',
  'photos.refused',
  'photos.concurrent',
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
    commitCases(ctx);
    concurrencyCases(ctx);
    listCases(ctx);
    figureCases(ctx);
    replayCases(ctx);
    joinCases(ctx);
    notifyCases(ctx);
    photoCases(ctx);
    creditCases(ctx);
  });
}
