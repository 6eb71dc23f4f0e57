/**
 * The ledger as its page reads it: newest first, each deduction knowing whether it was reversed (the
 * reversal is another entry pointing at it: the ledger is never edited).
 */
import type { LedgerEntry } from '../../../../../core/contract';

export interface LedgerLine {
  entry: LedgerEntry;
  /** A deduction a later entry undid: that entry. */
  reversedBy: LedgerEntry | null;
  /** A reversal: the deduction it undid (null when not in the list). */
  undoes: LedgerEntry | null;
}

export function ledgerLines(entries: readonly LedgerEntry[]): LedgerLine[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const reversal = new Map(
    entries.filter((e) => e.source.kind === 'reversal').map((e) => [e.source.id, e] as const),
  );
  return entries
    .map((entry) => ({
      entry,
      reversedBy: entry.source.kind === 'explanation' ? (reversal.get(entry.id) ?? null) : null,
      undoes: entry.source.kind === 'reversal' ? (byId.get(entry.source.id) ?? null) : null,
    }))
    .sort((a, b) => Date.parse(b.entry.at) - Date.parse(a.entry.at));
}

/** A deduction not yet reversed: a supervisor may reverse it. */
export const reversible = (l: LedgerLine): boolean =>
  l.entry.source.kind === 'explanation' && l.entry.points < 0 && l.reversedBy === null;
