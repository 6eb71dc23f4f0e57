/** Browser: the browser's own text size setting applies; nothing to do (WeChat: index.weapp.tsx). */
export default function PageFont(_: { title: string }) {
  return null;
}
