/**
 * A post's photos: each opens full size with the others to swipe through. A photo the image check hid
 * (listed in `hiddenPhotos`, sent without a URL) is a grey tile that says so, and so is one that cannot be
 * loaded: never a broken image.
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

export default function PhotoGrid({ photos, hidden = [] }: Props) {
  const [failed, setFailed] = useState<ReadonlySet<number>>(() => new Set());
  const isHidden = (url: string, i: number) => url === '' || hidden.includes(i);
  const viewable = photos.filter((url, i) => !isHidden(url, i) && !failed.has(i));
  const preview = (url: string) => void Taro.previewImage({ current: url, urls: viewable });
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
