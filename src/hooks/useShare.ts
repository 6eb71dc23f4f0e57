/**
 * The browser (and tsc, jest): no share menu to fill — the division chart's 分享 makes a picture instead
 * (packages/unit/components/ShareImage). WeChat: ./useShare.weapp.ts.
 */
import type { ShareCard } from '../lib/share';

export function useShare(_card: () => ShareCard): void {}
