/**
 * 分组得分图: a division's (or 全市) composite scores as bars, highest first, against 序时参考 — the 比绩效
 * of a unit exactly on schedule — with the figures written out, each opening its unit. Opened from 榜's
 * 图表 beside the division picker. The browser's 分享 saves a picture of it; WeChat shares the page.
 */
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import type { ActionOutput, User } from '../../../../../core/contract';
import { scheduleReferenceScore } from '../../../../../core/domain/schedule-reference';
// The package's own pieces before the shared frame: the mini-program's CSS chunks keep one order.
import ScoreBars from '../../components/ScoreBars/ScoreBars';
import { byScore } from '../../components/ScoreBars/scoreBarsOption';
import type { ChartPicture } from '../../components/ScoreBars/ScoreBars.types';
import ShareImage from '../../components/ShareImage/ShareImage';
import { call } from '../../../../api/call';
import { toastError } from '../../../../api/toast';
import Chips from '../../../../components/Chips';
import SignedInPage from '../../../../components/SignedInPage';
import PageSkeleton from '../../../../components/Skeleton';
import { Empty, ErrorState, Loading } from '../../../../components/StateView';
import { useArena } from '../../../../hooks/useArena';
import { useAsync } from '../../../../hooks/useAsync';
import { useShare } from '../../../../hooks/useShare';
import type { Arena } from '../../../../lib/arena';
import { CITY } from '../../../../lib/chart-route';
import { fmtNumber, fmtPercent, fmtScore } from '../../../../lib/format';
import { dataVersion } from '../../../../lib/freshness';
import { campaignDayOf, campaignLength } from '../../../../lib/progress';
import { routes } from '../../../../lib/routes';
import { divisionChartShare, sharedScope } from '../../../../lib/share';
import './index.scss';

type Board = ActionOutput<'board.leaderboard'>;

const FOOTER = '按实绩排名，与发帖、点赞等使用情况无关 · 比学赶超 微擂台';

/** The words around the chart and on its picture: the scope, the day, 序时 and its reference score. */
export function chartTexts(arena: Arena, scope: string, board: Board) {
  const day = campaignDayOf(arena.campaign, board.asOf);
  const len = campaignLength(arena.campaign);
  const tau = fmtPercent(board.timeProgress, 0);
  const reference = fmtNumber(scheduleReferenceScore(board.timeProgress), 1);
  const date = `截至 ${day}（第 ${Math.round(board.timeProgress * len)} 天 / 共 ${len} 天）· 序时进度 ${tau}`;
  return {
    title: `${scope}综合得分（由高到低）`,
    date,
    reference: `虚线为序时参考 ${reference} 分：各项指标完成率恰好等于序时进度（${tau}）的单位在比绩效上的得分，仅作参照；综合得分还计入速度、质量、干劲和贡献。`,
    picture: {
      title: `${arena.campaign.name} ${scope}综合得分`,
      lines: [date, `虚线为序时参考 ${reference} 分（进度恰好与序时一致的单位的比绩效得分）`],
      footer: FOOTER,
    },
    fileName: `${arena.campaign.name}-${scope}综合得分-${day}.png`,
  };
}

export function DivisionChart({ user, param }: { user: User; param: string | undefined }) {
  const arena = useArena(user.id);
  const [chosen, setChosen] = useState<string | null>(null);
  const a = arena.data;
  const div = chosen ?? sharedScope(param, a?.divisions) ?? a?.unit(user.unitId ?? '')?.division ?? '';
  const board = useAsync(a ? div : null, () => call('board.leaderboard', div ? { division: div } : {}));
  const picture = useRef<ChartPicture | null>(null);
  const seen = useRef(dataVersion());

  usePullDownRefresh(() => {
    void board.reload().finally(() => void Taro.stopPullDownRefresh());
  });
  useDidShow(() => {
    if (seen.current !== dataVersion()) {
      seen.current = dataVersion();
      void board.reload();
    }
  });
  useShare(() => divisionChartShare(a?.campaign.name ?? '', div));

  if (arena.error) return <ErrorState error={arena.error} onRetry={() => void arena.reload()} />;
  if (!a) return <PageSkeleton cards={2} />;
  const scope = div || CITY;
  const data = board.data;
  const texts = data ? chartTexts(a, scope, data) : null;
  const open = (unitId: string) => void Taro.navigateTo({ url: routes.unit(unitId) }).catch(toastError);

  return (
    <View>
      <Chips
        label="分组"
        value={div}
        onChange={setChosen}
        choices={[{ value: '', label: CITY }, ...a.divisions.map((d) => ({ value: d, label: d }))]}
      />
      {board.error !== null && <ErrorState error={board.error} onRetry={() => void board.reload()} />}
      {!data && board.loading && <Loading rows={5} />}
      {data && data.rows.length === 0 && <Empty text="暂无数据" />}
      {data && texts && data.rows.length > 0 && (
        <>
          <View className="dchart__card">
            <Text className="dchart__title">{texts.title}</Text>
            <Text className="dchart__sub">{texts.date}</Text>
            <ScoreBars
              key={div}
              rows={data.rows}
              timeProgress={data.timeProgress}
              ownUnitId={user.unitId}
              picture={picture}
            />
            <Text className="dchart__note" data-testid="schedule-reference">
              {texts.reference}
            </Text>
          </View>
          <ShareImage picture={picture} text={texts.picture} fileName={texts.fileName} />
          <View className="dchart__card">
            {byScore(data.rows).map((r) => (
              <View
                key={r.unitId}
                className="dchart__row"
                hoverClass="dchart__row--pressed"
                data-testid="score-row"
                onClick={() => open(r.unitId)}
              >
                <Text className="dchart__rank">第 {r.rank} 名</Text>
                <Text className="dchart__name">
                  {r.unitName}
                  {r.unitId === user.unitId ? '（本单位）' : ''}
                </Text>
                <Text className="dchart__score">{fmtScore(r.score)} 分 ›</Text>
              </View>
            ))}
          </View>
        </>
      )}
    </View>
  );
}

export default function DivisionChartPage() {
  const param = useRouter().params.division;
  return (
    <SignedInPage title="分组得分图" className="dchart">
      {(user) => <DivisionChart key={user.id} user={user} param={param} />}
    </SignedInPage>
  );
}
