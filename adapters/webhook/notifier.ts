/**
 * A Notifier that posts reminders to a group robot (WeCom / DingTalk style) on a self-hosted server:
 * `{msgtype: 'text', text: {content}}` to the configured URL. The robot answers `{errcode: 0}` when it
 * took the message; anything else — an error code, a non-2xx status, no answer within the timeout, no
 * connection — is 'failed'. It never throws: a broken robot must not stop the reminders.
 */
import type { Notifier, OutboundMessage } from '../../core/app/ports';

export interface WebhookOptions {
  /** The robot's URL (with its key). */
  url: string;
  /** Give up after this long (default 5 s). */
  timeoutMs?: number;
  /** The channel name recorded on each notification (default 'webhook'). */
  channel?: string;
  /** For tests; the global fetch by default. */
  fetch?: typeof fetch;
}

/** One line for the group: who it is for, then the reminder. */
export function robotText({ user, notification }: OutboundMessage): string {
  return `【${notification.title}】${notification.body}\n（提醒：${user.name}）`;
}

const accepted = (body: unknown): boolean => {
  if (typeof body !== 'object' || body === null) return false;
  const code = (body as { errcode?: unknown }).errcode;
  return code === undefined || code === 0;
};

export function createWebhookNotifier(options: WebhookOptions): Notifier {
  const { url, timeoutMs = 5_000, channel = 'webhook' } = options;
  const send = options.fetch ?? fetch;
  return {
    channel,
    async send(message) {
      try {
        const response = await send(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: JSON.stringify({ msgtype: 'text', text: { content: robotText(message) } }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (!response.ok) return 'failed';
        const body: unknown = await response.json().catch(() => null);
        return accepted(body) ? 'sent' : 'failed';
      } catch {
        return 'failed';
      }
    },
  };
}
