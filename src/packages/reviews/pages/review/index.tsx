/**
 * 月度通报: a month's published 通报 (`?period=&version=`, the latest when no version is named) or, for a
 * supervisor, the draft of a closed month (`&draft=1`), which once published shows as the published 通报.
 */
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { User } from '../../../../../core/contract';
// The package's own styles, then the chips and fields the versions and the draft use, before the shared
// frame, as on the other pages: the mini-program's CSS chunks keep one order.
import '../../components/index.scss';
import '../../../../components/Chips/index.scss';
import '../../../../components/Fields/index.scss';
import '../../../../components/FormError/index.scss';
import SignedInPage from '../../../../components/SignedInPage';
import { Empty } from '../../../../components/StateView';
import Draft from './Draft';
import Published from './Published';
import './index.scss';

interface Shown {
  draft: boolean;
  version: number | undefined;
}

export function ReviewScreen({ user, period, first }: { user: User; period: string; first: Shown }) {
  const [shown, setShown] = useState<Shown>(first);
  if (shown.draft) {
    if (user.role !== 'supervisor') return <Empty text="只有督办员可以查看和发布通报草稿。" />;
    return <Draft period={period} onPublished={(r) => setShown({ draft: false, version: r.version })} />;
  }
  return (
    <Published
      user={user}
      period={period}
      version={shown.version}
      onVersion={(version) => setShown({ draft: false, version })}
    />
  );
}

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

export default function ReviewPage() {
  const { params } = useRouter();
  const period = params.period ?? '';
  const version = Number(params.version);
  const first: Shown = {
    draft: params.draft === '1',
    version: Number.isInteger(version) && version > 0 ? version : undefined,
  };
  return (
    <SignedInPage title="月度通报" className="rv">
      {(user) =>
        PERIOD.test(period) ? (
          <ReviewScreen
            key={`${user.id}|${period}|${params.version ?? ''}|${params.draft ?? ''}`}
            user={user}
            period={period}
            first={first}
          />
        ) : (
          <Empty text="没有指定月份，请从「我 › 月度通报」打开。" />
        )
      }
    </SignedInPage>
  );
}
