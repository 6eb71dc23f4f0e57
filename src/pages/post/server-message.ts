/**
 * The server names a refused field by its path (`figures.0.value：…`, `correctionReason：…`): fine for a
 * log, not for a reporter. The editor says it with the field's Chinese label — the metric's name for a
 * figure (the figures sent, in order), 更正原因, 说明, … — and which metric a figure path points at, so
 * the page can mark that field.
 */
import type { EditorMetric } from './validate';

const labels: Record<string, string> = {
  correctionReason: '更正原因',
  text: '说明',
  photos: '照片',
  requestId: '请求编号',
  unitId: '单位',
  campaignId: '竞赛',
  figures: '指标',
};

export interface ReadableError {
  message: string;
  /** The metric a `figures.N.…` path named, when the page knows it. */
  metricId: string | null;
}

export function readableServerMessage(
  message: string,
  sent: readonly { metricId: string }[],
  rows: readonly EditorMetric[],
): ReadableError {
  let metricId: string | null = null;
  const nameOf = (i: number): string => {
    const id = sent[i]?.metricId;
    const row = rows.find((r) => r.metric.id === id);
    if (id && metricId === null) metricId = id;
    return row ? `「${row.metric.name}」` : `第 ${i + 1} 项指标`;
  };
  const out = message
    .replace(/figures\.(\d+)\.(?:value|metricId)[：:]\s*/g, (_, i: string) => `${nameOf(Number(i))}：`)
    .replace(/\b([a-zA-Z]+)(?:\.\d+)?[：:]\s*/g, (whole, code: string) =>
      labels[code] ? `${labels[code]}：` : whole,
    )
    // A code name left anywhere else in the sentence (e.g. "缺少请求编号 requestId"), said once.
    .replace(
      /\s*\b(correctionReason|requestId|unitId|campaignId)\b\s*/g,
      (_, code: string) => labels[code] ?? code,
    )
    .replace(/(更正原因|请求编号|单位|竞赛)\1/g, '$1');
  return { message: out, metricId };
}
