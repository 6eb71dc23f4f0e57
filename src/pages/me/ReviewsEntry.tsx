/**
 * 我 → 月度通报 for everyone; 约谈, 书面说明 and 考核扣分台账 for a unit's staff (their own unit's) and for
 * supervisors and city leaders (every unit's). Each entry says whose records it holds.
 */
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { User } from '../../../core/contract';
import { toastError } from '../../api/toast';
import { reviewEntries } from '../../lib/review-entries';

export default function ReviewsEntry({ user }: { user: User }) {
  return (
    <>
      {reviewEntries(user).map((e) => (
        <View
          key={e.key}
          className="me__card me__entry"
          hoverClass="me__entry--pressed"
          onClick={() => void Taro.navigateTo({ url: e.url }).catch(toastError)}
          data-testid={`reviews-entry-${e.key}`}
          ariaLabel={`${e.title}，${e.scope}`}
        >
          <Text className="me__entry-name">{e.title}</Text>
          <Text className="me__count">{e.scope}</Text>
          <Text className="me__entry-arrow">›</Text>
        </View>
      ))}
    </>
  );
}
