/** WeChat: no button — 转发 and 朋友圈 in the capsule menu share the page itself (the page's useShare). */
import type { ShareImageProps } from './ShareImage.types';

export default function ShareImage(_: ShareImageProps) {
  return null;
}
