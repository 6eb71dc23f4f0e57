/**
 * WeChat: how large the user has set text (我 › 设置 › 通用 › 字体, which page-meta's
 * root-font-size="system" also gives the pages, src/components/PageFont), as a factor of 16 px.
 * Older base libraries report it only through getSystemInfoSync.
 */
import Taro from '@tarojs/taro';
import { clampScale } from './chartFont';

export function fontScale(): number {
  try {
    const info = (Taro.getAppBaseInfo?.() ?? Taro.getSystemInfoSync()) as { fontSizeSetting?: number };
    return typeof info.fontSizeSetting === 'number' ? clampScale(info.fontSizeSetting / 16) : 1;
  } catch {
    return 1;
  }
}
