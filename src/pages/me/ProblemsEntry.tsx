/**
 * 我 → 我的待办难题 (a unit's reporters and leader) or 待销号 (supervisors): an entry with how many are
 * waiting (and how many are overdue), counted again each time 我 is shown; it opens the list.
 */
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { User } from '../../../core/contract';
import { toastError } from '../../api/toast';
import { countView, problemViews, viewsFor, type ProblemView } from '../../lib/problem-views';
import { routes } from '../../lib/routes';

type Count = Awaited<ReturnType<typeof countView>>;

const countText = (c: Count): string =>
  `${c.count}${c.more ? '+' : ''} 个${c.overdue > 0 ? `，逾期 ${c.overdue}${c.more ? '+' : ''} 个` : ''}`;

function Entry({ user, view }: { user: User; view: ProblemView }) {
  const [count, setCount] = useState<Count | null>(null);
  // A failed count leaves the entry without one: the list itself says what went wrong.
  const load = useCallback(() => {
    void countView(view, user).then(setCount, () => undefined);
  }, [view, user]);
  useEffect(load, [load]);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) load();
    shown.current = true;
  });
  const title = problemViews[view].title;
  return (
    <View
      className="me__card me__todo"
      hoverClass="me__todo--pressed"
      onClick={() => void Taro.navigateTo({ url: routes.problems(view) }).catch(toastError)}
      data-testid={`problems-entry-${view}`}
      ariaLabel={count ? `${title}，${countText(count)}` : title}
    >
      <Text className="me__entry-name">{title}</Text>
      {count !== null && (
        <Text className={`me__count${count.overdue > 0 ? ' me__count--late' : ''}`}>
          {count.count === 0 ? '无' : countText(count)}
        </Text>
      )}
      <Text className="me__entry-arrow">›</Text>
    </View>
  );
}

export default function ProblemsEntry({ user }: { user: User }) {
  return (
    <>
      {viewsFor(user).map((v) => (
        <Entry key={v} user={user} view={v} />
      ))}
    </>
  );
}
