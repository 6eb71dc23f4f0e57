/** The group-robot webhook Notifier (WeCom / DingTalk style) for the self-hosted server. */
export { createWebhookNotifier, robotText, type WebhookOptions } from './notifier';
