/**
 * WeChat: "订阅提醒". WeChat only shows the consent prompt from a tap, so requestSubscribeMessage is the
 * first thing the handler does, with nothing awaited before it; the accepted ids then go to notify.subscribe.
 */
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ApiCallError, call } from '../../api/call';
import { toastError } from '../../api/toast';
import {
  acceptedIds,
  declinedText,
  inAppOnlyText,
  subscribeFailureText,
  templateIds,
} from '../../lib/subscribe';
import './index.weapp.scss';

export const subscribeOffered = true;

const ids = templateIds(process.env.TARO_APP_TPL_NO_POST);
const say = (title: string): void => void Taro.showToast({ title, icon: 'none', duration: 2500 });

export default function SubscribeButton({ compact }: { compact?: boolean }) {
  const [busy, setBusy] = useState(false);

  const tap = () => {
    if (busy) return;
    if (!ids.length) {
      say(inAppOnlyText);
      return;
    }
    setBusy(true);
    // entityIds is Alipay's field, required by Taro's type; WeChat ignores it.
    Taro.requestSubscribeMessage({ tmplIds: ids, entityIds: [] })
      .then(async (res) => {
        const accepted = acceptedIds(res as Record<string, unknown>, ids);
        if (!accepted.length) {
          say(declinedText);
          return;
        }
        await call('notify.subscribe', { accepted });
        void Taro.showToast({ title: '已开启提醒', icon: 'success', duration: 1500 });
      })
      .catch((e: unknown) => {
        if (e instanceof ApiCallError) toastError(e);
        else say(subscribeFailureText((e as { errCode?: number } | null)?.errCode));
      })
      .finally(() => setBusy(false));
  };

  return (
    <View className={`subscribe${compact ? ' subscribe--compact' : ''}`}>
      <Text className="subscribe__why">单位多日未发布进展时，通过微信提醒您（每次同意只提醒一次）。</Text>
      <Button className="subscribe__btn" loading={busy} onClick={tap}>
        订阅提醒
      </Button>
    </View>
  );
}
