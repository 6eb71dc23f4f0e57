/**
 * A post's photos: each opens full size with the others to swipe through. A photo the image check hid
 * (listed in `hiddenPhotos`, sent without a URL) is a grey tile that says so, and so is one that cannot be
 * loaded: never a broken image.
 *
 * WeChat's previewImage closes on the back key by itself. The browser's preview is an overlay, so there
 * the back key would leave the page under it: opening one adds a history entry, and going back closes
 * the photo instead (the entry is taken off again when the photo is closed by a tap).
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';

interface Props {
  photos: readonly string[];
  /** Indexes into `photos` of the hidden ones. */
  hidden?: readonly number[];
}

export const HIDDEN_NOTE = '图片审核中/未通过';
export const FAILED_NOTE = '图片无法加载';

function Tile({ n, note }: { n: number; note: string }) {
  return (
    <View className="post__photo post__photo--tile" ariaLabel={`照片 ${n}：${note}`}>
      <Text className="post__tile-note">{note}</Text>
    </View>
  );
}

/** The history entry that stands for an open photo (same URL, so the page's router never sees it). */
const PREVIEW_STATE = 'arenaPhotoPreview';

/** Browser: ties the overlay the last previewImage put up to a history entry; back closes it. */
function backClosesPreview(): void {
  const overlays = document.querySelectorAll('.preview-image');
  const overlay = overlays[overlays.length - 1];
  if (!overlay) return;
  const state: unknown = window.history.state;
  window.history.pushState(
    { ...(state && typeof state === 'object' ? state : {}), [PREVIEW_STATE]: true },
    '',
  );
  let done = false;
  // Runs before the router's own popstate listener (capture at the window), so it alone sees this back.
  const onPop = (e: PopStateEvent) => {
    e.stopImmediatePropagation();
    finish();
    (overlay as HTMLElement).click(); // the overlay's own close, which also drops its listeners
  };
  const closedByTap = new MutationObserver(() => {
    if (overlay.isConnected || done) return;
    finish();
    // Closed by a tap: take our entry off, quietly, if it is still the top one.
    if ((window.history.state as Record<string, unknown> | null)?.[PREVIEW_STATE]) {
      window.addEventListener('popstate', (e) => e.stopImmediatePropagation(), { capture: true, once: true });
      window.history.back();
    }
  });
  function finish() {
    done = true;
    window.removeEventListener('popstate', onPop, { capture: true });
    closedByTap.disconnect();
  }
  window.addEventListener('popstate', onPop, { capture: true });
  closedByTap.observe(document.body, { childList: true });
}

function openPreview(current: string, urls: string[]): void {
  const shown = Taro.previewImage({ current, urls });
  if (process.env.TARO_ENV === 'weapp' || typeof window === 'undefined') return;
  void Promise.resolve(shown).then(backClosesPreview, () => undefined);
}

export default function PhotoGrid({ photos, hidden = [] }: Props) {
  const [failed, setFailed] = useState<ReadonlySet<number>>(() => new Set());
  const isHidden = (url: string, i: number) => url === '' || hidden.includes(i);
  const viewable = photos.filter((url, i) => !isHidden(url, i) && !failed.has(i));
  const preview = (url: string) => openPreview(url, viewable);
  return (
    <View className="post__photos">
      {photos.map((url, i) => {
        const key = `${i}:${url}`;
        if (isHidden(url, i)) return <Tile key={key} n={i + 1} note={HIDDEN_NOTE} />;
        if (failed.has(i)) return <Tile key={key} n={i + 1} note={FAILED_NOTE} />;
        return (
          <Image
            key={key}
            className="post__photo"
            src={url}
            mode="aspectFill"
            lazyLoad
            ariaLabel={`照片 ${i + 1}`}
            onClick={() => preview(url)}
            onError={() => setFailed((prev) => new Set(prev).add(i))}
          />
        );
      })}
    </View>
  );
}
