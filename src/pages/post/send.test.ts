import { actions } from '../../../core/contract';
import { arena } from '../../testing/fixtures';
import { emptyDraft } from './draft';
import { postInput } from './send';
import { checkDraft, type EditorMetric } from './validate';

const rows: EditorMetric[] = arena.metricsOf('u1').map((metric) => ({
  metric,
  current: metric.id === 'm-invest' ? 4 : null,
  target: arena.target('u1', metric.id) ?? 0,
}));

describe('what the editor sends', () => {
  it('sends the same requestId on every try of one draft, and the contract accepts it', () => {
    const draft = { ...emptyDraft(), values: { 'm-invest': '5' }, text: '进展' };
    const first = postInput('u1', draft, checkDraft(draft, rows));
    const retry = postInput('u1', draft, checkDraft(draft, rows));
    expect(retry.requestId).toBe(first.requestId);
    expect(actions['post.create'].input.safeParse(first).success).toBe(true);
    expect(first).toEqual({
      unitId: 'u1',
      figures: [{ metricId: 'm-invest', value: 5 }],
      text: '进展',
      requestId: draft.requestId,
    });
  });

  it('carries the correction reason only when a running total went down', () => {
    const lowered = { ...emptyDraft(), values: { 'm-invest': '3' }, correctionReason: ' 口径调整 ' };
    expect(postInput('u1', lowered, checkDraft(lowered, rows)).correctionReason).toBe('口径调整');
    const raised = { ...lowered, values: { 'm-invest': '6' } };
    expect(postInput('u1', raised, checkDraft(raised, rows))).not.toHaveProperty('correctionReason');
  });

  it('sends photos when there are some', () => {
    const d = { ...emptyDraft(), text: '现场', photos: ['/files/a.jpg'] };
    expect(postInput('u1', d, checkDraft(d, rows)).photos).toEqual(['/files/a.jpg']);
  });
});
