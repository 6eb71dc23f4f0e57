/** Browser: there are no WeChat subscription messages, so nothing to offer (WeChat: index.weapp.tsx). */
export const subscribeOffered = false;

export default function SubscribeButton(_: { compact?: boolean }) {
  return null;
}
