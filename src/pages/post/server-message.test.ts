import { arena } from '../../testing/fixtures';
import { readableServerMessage } from './server-message';
import type { EditorMetric } from './validate';

const rows: EditorMetric[] = arena.metricsOf('u1').map((metric) => ({ metric, current: null, target: 10 }));
const sent = [
  { metricId: 'm-rate', value: 5 },
  { metricId: 'm-invest', value: 3 },
];

describe('server messages in the editor name fields by their Chinese label, never by code', () => {
  const codeName = /figures|correctionReason|requestId|metricId|unitId|campaignId|\.value/;

  it.each([
    ['figures.1.value：数值不能超过 10 亿', '「完成投资」：数值不能超过 10 亿', 'm-invest'],
    [
      'figures.0.metricId：本单位没有「开工率」的目标，不能填报该指标。',
      '「开工率」：本单位没有「开工率」的目标，不能填报该指标。',
      'm-rate',
    ],
    ['correctionReason：更正原因不能为空', '更正原因：更正原因不能为空', null],
    ['text：正文不能超过 2000 字', '说明：正文不能超过 2000 字', null],
    ['requestId：缺少请求编号 requestId', '请求编号：缺少请求编号', null],
    ['figures.7.value：数值应为数字', '第 8 项指标：数值应为数字', null],
  ])('%s', (server, shown, metricId) => {
    const r = readableServerMessage(server, sent, rows);
    expect(r).toEqual({ message: shown, metricId });
    expect(r.message).not.toMatch(codeName);
  });

  it('leaves a message without codes as it is', () => {
    const m =
      '「签约项目」最新累计值为 5个，本次填报 4个 低于它。累计数只增不减：如确需下调，请填写更正原因后再提交。';
    expect(readableServerMessage(m, sent, rows)).toEqual({ message: m, metricId: null });
  });
});
