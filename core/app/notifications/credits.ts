/**
 * WeChat one-time subscription consents, counted per template (UX.md "Login, privacy, subscriptions":
 * each acceptance is one message). A tap on 订阅 gives one credit per template accepted; a message sent
 * with template T spends one credit of T. Credits counted before templates were told apart name none:
 * they sit under ANY_TEMPLATE and any template may spend them, so an old database loses nothing.
 */
import type { SubscribeCredits } from './store';

export const ANY_TEMPLATE = '*';

/** Template ids become keys of stored maps (and CloudBase field names): plain characters only. */
export const TEMPLATE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A user keeps credits for at most this many templates; more would only grow their record. */
export const MAX_TEMPLATES = 20;

/** The credit key a message with `templateId` spends: its own template's first; null when none is left. */
export function creditToSpend(credits: SubscribeCredits | undefined, templateId: string): string | null {
  if ((credits?.[templateId] ?? 0) > 0) return templateId;
  if ((credits?.[ANY_TEMPLATE] ?? 0) > 0) return ANY_TEMPLATE;
  return null;
}

/**
 * The credits one acceptance adds: one per distinct template id accepted (a repeated id in one answer is
 * still one acceptance), ignoring malformed ids and new templates beyond MAX_TEMPLATES.
 */
export function creditsForAccepted(held: SubscribeCredits | undefined, accepted: readonly string[]): Record<string, number> {
  const deltas: Record<string, number> = {};
  let kept = Object.keys(held ?? {}).filter((k) => k !== ANY_TEMPLATE).length;
  for (const id of new Set(accepted)) {
    if (!TEMPLATE_ID.test(id)) continue;
    const isNew = (held?.[id] ?? 0) <= 0;
    if (isNew && kept >= MAX_TEMPLATES) continue;
    if (isNew) kept += 1;
    deltas[id] = 1;
  }
  return deltas;
}

/** Everything of `templateId` and the unnamed credits: after a refusal (43101) neither can be trusted. */
export const dropCredits = (templateId: string): Record<string, number> => ({
  [templateId]: -Number.MAX_SAFE_INTEGER,
  [ANY_TEMPLATE]: -Number.MAX_SAFE_INTEGER,
});

/**
 * `credits` plus `deltas`, each count whole and never below 0, zeros left out: the one rule every store
 * applies inside its own atomic step. An unbounded delta (±Infinity) takes all or is ignored.
 */
export function applyCredits(credits: SubscribeCredits | undefined, deltas: SubscribeCredits): Record<string, number> {
  const next: Record<string, number> = { ...credits };
  for (const [id, raw] of Object.entries(deltas)) {
    const delta = Number.isFinite(raw) ? Math.trunc(raw) : raw < 0 ? -Number.MAX_SAFE_INTEGER : 0;
    const value = Math.max(0, Math.trunc(next[id] ?? 0) + delta);
    if (value > 0) next[id] = value;
    else delete next[id];
  }
  return next;
}

/** A stored value read back as credits: a map of positive counts, or a legacy single count (any template). */
export function creditsOf(stored: unknown): Record<string, number> {
  if (typeof stored === 'number') return stored > 0 ? { [ANY_TEMPLATE]: Math.trunc(stored) } : {};
  const out: Record<string, number> = {};
  if (typeof stored !== 'object' || stored === null) return out;
  for (const [id, n] of Object.entries(stored)) if (typeof n === 'number' && n > 0) out[id] = Math.trunc(n);
  return out;
}
