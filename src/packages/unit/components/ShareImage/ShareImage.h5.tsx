/**
 * Browser: 分享 makes a PNG of the chart with its title and date (picture.ts), starts its download and
 * shows it — inside WeChat's own browser, which downloads nothing, the person long-presses it to save or
 * send. WeChat's mini-program shares from its menu instead (ShareImage.weapp.tsx).
 */
import Taro from '@tarojs/taro';
import { Button, Image, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { toastError } from '../../../../api/toast';
import { composePicture, download, loadImage } from './picture';
import type { ShareImageProps } from './ShareImage.types';
import './index.scss';

const createCanvas = () => document.createElement('canvas');

export default function ShareImage({ picture, text, fileName }: ShareImageProps) {
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const share = async () => {
    const chart = picture.current;
    if (!chart) {
      void Taro.showToast({ title: '图表还没画好，请稍候再试', icon: 'none' });
      return;
    }
    setBusy(true);
    try {
      const png = await composePicture(chart, text, { createCanvas, loadImage });
      download(png, fileName);
      setUrl(png);
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        className="primary-btn share-img__btn"
        loading={busy}
        disabled={busy}
        data-testid="share-image"
        onClick={() => void share()}
      >
        分享
      </Button>
      {url && (
        <View className="share-img__layer" data-testid="share-preview">
          <View className="share-img__sheet">
            <Text className="share-img__hint">
              图片已生成并开始下载；如在微信中打开，请长按图片保存或发送给同事。
            </Text>
            <Image className="share-img__pic" src={url} mode="widthFix" showMenuByLongpress />
            <Button className="share-img__close" onClick={() => setUrl(null)}>
              关闭
            </Button>
          </View>
        </View>
      )}
    </>
  );
}
