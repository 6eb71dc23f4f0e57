import { actions } from '../../../core/contract';
import { arena } from '../../testing/fixtures';
import { emptyDraft } from './draft';
import { postInput, stampRequestId } from './send';
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

  it('keeps the requestId for a retry of the same payload and takes a new one once it changed', () => {
    const draft = { ...emptyDraft(), values: { 'm-invest': '5' }, text: '进展' };
    const firstTry = stampRequestId(draft, postInput('u1', draft, checkDraft(draft, rows)));
    expect(firstTry.requestId).toBe(draft.requestId);
    const retry = stampRequestId(firstTry, postInput('u1', firstTry, checkDraft(firstTry, rows)));
    expect(retry.requestId).toBe(draft.requestId);
    const edited = { ...retry, values: { 'm-invest': '6' } };
    const sentEdited = stampRequestId(edited, postInput('u1', edited, checkDraft(edited, rows)));
    expect(sentEdited.requestId).not.toBe(draft.requestId);
    const textEdited = { ...sentEdited, text: '进展更新' };
    const sentText = stampRequestId(textEdited, postInput('u1', textEdited, checkDraft(textEdited, rows)));
    expect(sentText.requestId).not.toBe(sentEdited.requestId);
  });
});
