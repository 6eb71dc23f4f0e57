/**
 * Store contract cases for subscription credits (issue 7), counted per template id: each template's
 * count adds up, comes down and never goes below 0; several templates change in one step; a user with
 * none has no field at all; concurrent changes lose nothing. And which dedupe keys are stored already.
 */
import type { NotificationRecord } from '../core/app/ports';
import type { SuiteContext } from './store-contract';
import { U, users } from './store-fixtures';

const me = users[0]!.id;
const other = users[1]!.id;
const ALL = -Number.MAX_SAFE_INTEGER;

const note = (key: string): NotificationRecord => ({
  id: `n-${key}`,
  userId: me,
  kind: 'no_post',
  title: '该晒进度了',
  body: key,
  subjectId: U.a1,
  dedupeKey: `${me}|no_post|${U.a1}|${key}`,
  createdAt: 1_760_000_000_000,
  readAt: null,
  channels: {},
});

export function creditCases({ it, store }: SuiteContext): void {
  describe('subscription credits by template', () => {
    beforeEach(async () => {
      for (const u of users) await store().putUser(u);
    });

    it('credits.perTemplate', 'each template’s credits add up and come down on their own, never below 0', async () => {
      expect(await store().addSubscribeCredits(me, { tplA: 2, tplB: 1 })).toEqual({ tplA: 2, tplB: 1 });
      expect(await store().addSubscribeCredits(me, { tplA: -1 })).toEqual({ tplA: 1, tplB: 1 });
      expect(await store().addSubscribeCredits(me, { tplB: -5, tplC: 1 })).toEqual({ tplA: 1, tplC: 1 });
      expect((await store().getUser(me))?.subscribeCredits).toEqual({ tplA: 1, tplC: 1 });
      expect((await store().listUsers()).find((u) => u.id === me)?.subscribeCredits).toEqual({ tplA: 1, tplC: 1 });
      expect((await store().getUser(other))?.subscribeCredits).toBeUndefined();
      expect(await store().addSubscribeCredits(me, {})).toEqual({ tplA: 1, tplC: 1 });
    });

    it('credits.dropAll', 'taking everything of a template (and the unnamed ones) leaves the others; none left: no field', async () => {
      await store().addSubscribeCredits(me, { tplA: 3, '*': 2, tplB: 1 });
      expect(await store().addSubscribeCredits(me, { tplA: ALL, '*': ALL })).toEqual({ tplB: 1 });
      expect(await store().addSubscribeCredits(me, { tplB: -1 })).toEqual({});
      const user = await store().getUser(me);
      expect(user).toEqual(users[0]);
      expect(user && 'subscribeCredits' in user).toBe(false);
    });

    it('credits.unknownUser', 'an unknown user gets nothing and no user is made', async () => {
      expect(await store().addSubscribeCredits('user-nobody', { tplA: 1 })).toEqual({});
      expect(await store().getUser('user-nobody')).toBeNull();
    });

    it('credits.putUser', 'putting a user replaces its credits with the record’s; a later put without them clears them', async () => {
      await store().putUser({ ...users[0]!, subscribeCredits: { tplA: 2 } });
      expect(await store().addSubscribeCredits(me, { tplA: 1 })).toEqual({ tplA: 3 });
      await store().putUser(users[0]!);
      expect((await store().getUser(me))?.subscribeCredits).toBeUndefined();
    });

    it('credits.concurrent', 'consents and spends at the same moment lose nothing', async () => {
      await store().addSubscribeCredits(me, { tplA: 1 });
      const changes: Array<Record<string, number>> = [{ tplA: 1 }, { tplA: 1 }, { tplB: 1 }, { tplA: -1 }, { tplA: 1 }];
      await Promise.all(changes.map((d) => store().addSubscribeCredits(me, d)));
      expect((await store().getUser(me))?.subscribeCredits).toEqual({ tplA: 3, tplB: 1 });
    });

    it('notify.storedKeys', 'which of the given dedupe keys are stored: none, some, all, and none asked', async () => {
      expect(await store().storedDedupeKeys([])).toEqual(new Set());
      expect(await store().storedDedupeKeys([note('d1').dedupeKey])).toEqual(new Set());
      const stored = Array.from({ length: 130 }, (_, i) => note(`day-${i}`));
      for (const n of stored) await store().addNotification(n);
      const asked = [...stored.map((n) => n.dedupeKey), note('later').dedupeKey, `${other}|no_post|x|y`];
      const found = await store().storedDedupeKeys(asked);
      expect(found).toEqual(new Set(stored.map((n) => n.dedupeKey)));
    });
  });
}
