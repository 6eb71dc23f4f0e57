/** "3 分钟前": relative time in Chinese for recent posts, a plain date for older ones. */
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import 'dayjs/locale/zh-cn';

dayjs.extend(relativeTime);

const WEEK_MS = 7 * 86_400_000;

export function relativeTimeText(iso: string, nowMs: number = Date.now()): string {
  const t = dayjs(iso);
  if (!t.isValid()) return '';
  const age = nowMs - t.valueOf();
  if (age < 45_000) return '刚刚';
  if (age < WEEK_MS) return t.locale('zh-cn').from(dayjs(nowMs));
  return t.format(t.year() === dayjs(nowMs).year() ? 'M月D日 HH:mm' : 'YYYY年M月D日');
}
