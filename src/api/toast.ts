/** How results reach the person: a success icon toast (≤ 7 characters) or a text toast with the server's message. */
import Taro from '@tarojs/taro';
import { messageOf } from './errors';

export function toastError(e: unknown): void {
  void Taro.showToast({ title: messageOf(e), icon: 'none', duration: 2500 });
}

export function toastSuccess(title: string): void {
  void Taro.showToast({ title, icon: 'success', duration: 1500 });
}
