/**
 * A user's `record` as read from its document. Documents written before credits were kept per template
 * hold one number in `subscribeCredits`; it is read as credits of any template (core/app/credits.ts), so
 * the data needs no migration run and loses no consent.
 */
import { creditsOf } from '../../core/app/credits';
import type { UserRecord } from '../../core/app/ports';

export function userOf(stored: unknown): UserRecord {
  const record = stored as UserRecord & { subscribeCredits?: unknown };
  if (record.subscribeCredits === undefined) return record;
  const { subscribeCredits, ...rest } = record;
  const credits = creditsOf(subscribeCredits);
  return Object.keys(credits).length > 0 ? { ...rest, subscribeCredits: credits } : rest;
}
