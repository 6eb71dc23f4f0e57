/**
 * WeChat subscription reminders, the parts that are not the tap itself: which templates to ask for
 * (TARO_APP_TPL_NO_POST, comma-separated, set at build time), what the person accepted, and what to say.
 * The server counts each acceptance for its own template (a message of template T spends a consent to
 * T), so the ids asked for here must be the ids the cloud function sends with (ARENA_TPL_*).
 */

/** WeChat asks for at most 3 one-time templates in one prompt; an id named twice is asked once. */
export function templateIds(configured: string | undefined): string[] {
  const ids = (configured ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return [...new Set(ids)].slice(0, 3);
}

/** The ids the person answered "accept" for; reject, ban and filter all count as no. */
export function acceptedIds(result: Record<string, unknown>, ids: string[]): string[] {
  return ids.filter((id) => result[id] === 'accept');
}

/** One line for the outcome, never a dialog: a refusal is respected and not asked about again. */
export function subscribeFailureText(errCode: number | undefined): string {
  // 20004: the person switched off subscription messages for this mini-program in WeChat's settings.
  if (errCode === 20004) return '微信已关闭订阅消息，提醒仍会出现在“消息”里';
  return '未能开启微信提醒，提醒仍会出现在“消息”里';
}

export const declinedText = '未开启微信提醒，提醒仍会出现在“消息”里';
export const inAppOnlyText = '当前只提供站内“消息”提醒';
