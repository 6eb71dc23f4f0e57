/**
 * Subscription credits in SQLite: one row per (user, template) holding a positive count (migration 0004).
 * A user's credits are read and replaced with the user (./people.ts) and changed by ./notifications.ts.
 * Changes run in one transaction with the core's rule (applyCredits), so a consent and a refusal that
 * arrive together never lose one another.
 */
import type { Database } from 'better-sqlite3';
import { applyCredits } from '../../core/app/notifications/credits';
import type { SubscribeCredits } from '../../core/app/notifications/store';

interface CreditRow {
  user_id: string;
  template_id: string;
  credits: number;
}

const mapOf = (rows: CreditRow[]): Record<string, number> =>
  Object.fromEntries(rows.map((r) => [r.template_id, r.credits]));

export function creditQueries(db: Database) {
  const ofUser = db.prepare<[string], CreditRow>('SELECT * FROM subscribe_credits WHERE user_id = ?');
  const all = db.prepare<[], CreditRow>('SELECT * FROM subscribe_credits ORDER BY user_id');
  const clear = db.prepare<[string]>('DELETE FROM subscribe_credits WHERE user_id = ?');
  const insert = db.prepare<[string, string, number]>(
    'INSERT INTO subscribe_credits (user_id, template_id, credits) VALUES (?, ?, ?)',
  );
  const exists = db.prepare<[string], { id: string }>('SELECT id FROM users WHERE id = ?');

  const replace = (userId: string, credits: SubscribeCredits): void => {
    clear.run(userId);
    for (const [id, n] of Object.entries(applyCredits({}, credits))) insert.run(userId, id, n);
  };

  return {
    of: (userId: string): Record<string, number> => mapOf(ofUser.all(userId)),
    /** Every user's credits, for listing users without one query each. */
    byUser(): Map<string, Record<string, number>> {
      const out = new Map<string, Record<string, number>>();
      for (const r of all.all()) out.set(r.user_id, { ...out.get(r.user_id), [r.template_id]: r.credits });
      return out;
    },
    /** Writes the whole map (putUser); call inside the user's write transaction. */
    replace,
    add: db.transaction((userId: string, deltas: SubscribeCredits): Record<string, number> => {
      if (!exists.get(userId)) return {};
      const next = applyCredits(mapOf(ofUser.all(userId)), deltas);
      replace(userId, next);
      return next;
    }),
  };
}
