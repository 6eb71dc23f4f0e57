/**
 * Delivering one reminder (DOMAIN.md "Reminders"): it is stored in the in-app list under its dedupe key —
 * if that key is already there, nothing more happens, so a retried or double-fired run sends nothing
 * twice — then each external channel is tried in order and its outcome recorded on the notification.
 * A channel that spends consents (WeChat) is tried only with a credit of the kind's template, takes one
 * per message sent, and drops that template's credits when it says `not_subscribed`: in-app only until
 * the user consents anew.
 */
import type { NotificationKind } from '../../contract';
import { reminderKey } from '../../domain/reminders';
import { creditToSpend, dropCredits } from './credits';
import type { UserRecord } from '../people/store';
import type { Deps, Notifier } from '../ports';
import type { NotificationRecord } from './store';

export interface Reminder {
  userId: string;
  /** The campaign it is about; null for one about no campaign. */
  campaignId: string | null;
  kind: NotificationKind;
  subjectId: string;
  /** The period it is owed for (a day for daily reminders); one per (user, kind, subject, period). */
  period: string;
  title: string;
  body: string;
}

type Outcome = Awaited<ReturnType<Notifier['send']>>;

/** Stores and sends `reminder` to `user`; false when it had been stored before (nothing done). */
export async function deliver(deps: Deps, reminder: Reminder, user: UserRecord, at: number): Promise<boolean> {
  const { store, ids } = deps;
  const notification: NotificationRecord = {
    id: ids.newId(),
    userId: user.id,
    cityId: user.cityId,
    campaignId: reminder.campaignId,
    kind: reminder.kind,
    title: reminder.title,
    body: reminder.body,
    subjectId: reminder.subjectId,
    dedupeKey: reminderKey(user.id, reminder.kind, reminder.subjectId, reminder.period),
    createdAt: at,
    readAt: null,
    channels: {},
  };
  if (!(await store.notifications.addNotification(notification))) return false;
  for (const notifier of deps.notifiers ?? []) {
    const outcome = await tryChannel(deps, notifier, user, notification);
    await store.notifications.setNotificationChannel(notification.id, notifier.channel, outcome);
  }
  return true;
}

/** One channel; keeps `user.subscribeCredits` current for the rest of the run. Never throws. */
async function tryChannel(
  deps: Deps,
  notifier: Notifier,
  user: UserRecord,
  notification: NotificationRecord,
): Promise<Outcome> {
  const { store, log } = deps;
  // undefined: the channel spends no consents; null: it has no template for this kind.
  const template = notifier.creditTemplate?.(notification.kind);
  let spend: string | null = null;
  if (template !== undefined) {
    spend = template === null ? null : creditToSpend(user.subscribeCredits, template);
    if (spend === null) return 'skipped';
  }
  let outcome: Outcome;
  try {
    outcome = await notifier.send({ user, notification });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log?.({ level: 'error', msg: 'notifier failed', channel: notifier.channel, userId: user.id, error: message });
    return 'failed';
  }
  if (template && outcome === 'not_subscribed') {
    user.subscribeCredits = await store.notifications.addSubscribeCredits(user.id, dropCredits(template));
  } else if (spend && outcome === 'sent') {
    user.subscribeCredits = await store.notifications.addSubscribeCredits(user.id, { [spend]: -1 });
  }
  return outcome;
}
