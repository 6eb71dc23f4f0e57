/**
 * What a 通报 says (published or draft): who is called to 约谈 and why, then per division one ranking per
 * reviewed metric — 排名, 单位, 本月完成, 月度目标, 上年同期, 增幅, 完成情况 — as rows that wrap at large text
 * sizes rather than a wide table (UX.md), and the units left out of a ranking with the reason.
 */
import { Text, View } from '@tarojs/components';
import type { ReviewDraft, ReviewMetric, ReviewRow } from '../../../../core/contract';
import { figureText, growthText } from '../lib/format';
import { completionOf, divisionsOf, excludedOf, flaggedOf } from '../lib/review-view';
import { LevelChip } from './Chip';

function Figure({ k, v, strong = false }: { k: string; v: string; strong?: boolean }) {
  return (
    <View className="rrow__fig">
      <Text className="rrow__k">{k}</Text>
      <Text className={`rrow__v${strong ? ' rrow__v--strong' : ''}`}>{v}</Text>
    </View>
  );
}

function RankRow({ row, metric }: { row: ReviewRow; metric: ReviewMetric }) {
  const done = completionOf(row);
  return (
    <View className={`rrow${row.flagged ? ' rrow--flagged' : ''}`} data-testid="review-row">
      <View className="rrow__head">
        <Text className="rrow__rank">{row.growthRank ?? '—'}</Text>
        <Text className="rrow__unit">{row.unitName}</Text>
        <Text className={`rrow__done${done.missed ? ' rrow__done--missed' : ''}`} data-testid="completion">
          {done.text}
        </Text>
      </View>
      <View className="rrow__figs">
        <Figure k="本月完成" v={figureText(row.MA, metric.measure)} strong />
        <Figure k="月度目标" v={figureText(row.MT, metric.measure)} />
        <Figure k="上年同期" v={figureText(row.LY, metric.measure)} />
        <Figure k="增幅" v={growthText(row.growth)} strong />
      </View>
      {row.flagged && row.level !== 0 && (
        <View className="rrow__flag">
          <LevelChip level={row.level} />
          <Text className="rrow__why">未完成月度目标，增幅列组内后两名</Text>
        </View>
      )}
    </View>
  );
}

export default function ReviewBody({ review }: { review: ReviewDraft }) {
  const flagged = flaggedOf(review);
  const excluded = excludedOf(review);
  const divisions = divisionsOf(review);
  return (
    <View>
      <View className="rcard" data-testid="review-flagged">
        <Text className="rcard__title">约谈名单</Text>
        {flagged.length === 0 && <Text className="rcard__text">本月没有单位列入约谈。</Text>}
        {flagged.map((f) => (
          <View key={f.unitId} className="rflag">
            <View className="rflag__head">
              <Text className="rflag__unit">{f.unitName}</Text>
              <LevelChip level={f.level} />
            </View>
            <Text className="rflag__why">
              {f.division} · 未完成且增幅列后两名：{f.metricNames.join('、')}
            </Text>
          </View>
        ))}
      </View>

      {divisions.length === 0 && <Text className="rcard rcard__text">本月没有参与通报的指标。</Text>}
      {divisions.map((d) => (
        <View key={d.division} className="rdiv" data-testid="review-division">
          <Text className="rdiv__name">{d.division}</Text>
          {d.tables.map((t) => (
            <View key={t.metric.id} className="rtable" data-testid="review-table">
              <Text className="rtable__title">{t.metric.name}</Text>
              <Text className="rtable__hint">
                按增幅排名{t.metric.measure ? ` · 单位：${t.metric.measure}` : ''}
              </Text>
              {t.rows.map((r) => (
                <RankRow key={r.unitId} row={r} metric={t.metric} />
              ))}
            </View>
          ))}
        </View>
      ))}

      {excluded.length > 0 && (
        <View className="rcard" data-testid="review-excluded">
          <Text className="rcard__title">不参与增幅排名</Text>
          {excluded.map((e) => (
            <Text key={`${e.unitName}|${e.metricName}`} className="rcard__line">
              {e.unitName} · {e.metricName}：{e.reason}
            </Text>
          ))}
        </View>
      )}
    </View>
  );
}
