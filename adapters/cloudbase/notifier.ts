/**
 * The Notifier on WeChat subscription messages (`cloud.openapi.subscribeMessage.send`). A user gets one
 * only with an OPENID, a template for the kind, and a consent left for that template (each acceptance of
 * a template is one message of it); otherwise the in-app list alone carries the reminder ('skipped').
 * 43101 means the user refused or the consent was used up: 'not_subscribed', and the job drops that
 * template's credits. Credits are the job's to count (`creditTemplate`: core/app/notifications/deliver.ts takes one of
 * the template per 'sent'), so this adapter writes nothing and can be retried safely.
 */
import type { NotificationKind } from '../../core/contract';
import { creditToSpend } from '../../core/app/notifications/credits';
import type { Notifier } from '../../core/app/ports';
import { errCodeOf, type SubscribeSendParams, type WxOpenApi } from './cloud-types';
import { fillTemplate, type FieldSource } from './subscribe-fields';

export interface SubscribeTemplate {
  /** The template id chosen in the mini-program console (订阅消息 → 我的模板). */
  id: string;
  /** The template's keywords and what fills each, e.g. { thing1: 'title', thing2: 'body', time3: 'time' }. */
  fields: Readonly<Record<string, FieldSource>>;
}

export interface SubscribeNotifierOptions {
  openapi: Pick<WxOpenApi, 'subscribeMessage'>;
  templates: Partial<Record<NotificationKind, SubscribeTemplate>>;
  /** The page a tap on the message opens (default: 我, where the 消息 list is). */
  page?: string;
  miniprogramState?: SubscribeSendParams['miniprogramState'];
  log?: (entry: Record<string, unknown>) => void;
}

/** The user refused, or the one-time consent is used up. */
export const NOT_SUBSCRIBED = 43101;

export function createSubscribeNotifier(options: SubscribeNotifierOptions): Notifier {
  const { openapi, templates, page = 'pages/me/index', miniprogramState = 'formal', log } = options;
  return {
    channel: 'subscribe',
    creditTemplate: (kind) => templates[kind]?.id ?? null,
    async send({ user, notification }) {
      const template = templates[notification.kind];
      if (!user.openid || !template || creditToSpend(user.subscribeCredits, template.id) === null) return 'skipped';
      const data = fillTemplate(notification, template.fields);
      if (!data) {
        log?.({ level: 'warn', msg: 'subscription message has a value its keyword refuses', kind: notification.kind, templateId: template.id });
        return 'failed';
      }
      let code: number | undefined;
      try {
        const res = await openapi.subscribeMessage.send({
          touser: user.openid,
          templateId: template.id,
          page,
          data,
          miniprogramState,
          lang: 'zh_CN',
        });
        code = errCodeOf(res) ?? 0;
      } catch (e) {
        code = errCodeOf(e) ?? -1;
      }
      if (code === 0) return 'sent';
      if (code === NOT_SUBSCRIBED) return 'not_subscribed';
      log?.({ level: 'warn', msg: 'subscribeMessage.send failed', errCode: code, kind: notification.kind });
      return 'failed';
    },
  };
}
