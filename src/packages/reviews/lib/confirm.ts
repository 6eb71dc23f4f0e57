/**
 * Every step that cannot be taken back asks first (UX.md): WeChat's own modal, 取消 beside the step's verb;
 * resolves true only when the person confirmed.
 */
import Taro from '@tarojs/taro';

export interface Ask {
  title: string;
  content: string;
  /** The step's verb, ≤ 4 characters (WeChat cuts longer ones). */
  confirmText: string;
  /** A step that takes something away (撤销, 退回): the verb in red. */
  destructive?: boolean;
}

export async function confirmStep({
  title,
  content,
  confirmText,
  destructive = false,
}: Ask): Promise<boolean> {
  try {
    const r = await Taro.showModal({
      title,
      content,
      confirmText,
      cancelText: '取消',
      ...(destructive ? { confirmColor: '#c62828' } : {}),
    });
    return r.confirm;
  } catch {
    return false;
  }
}
