/**
 * Store contract cases for the reviews slice (issue 13): a 通报 version published once per (publisher,
 * requestId), a taken version refused, versions read back whole; the month's 约谈 kept in step with the
 * latest version without touching a held one; interview and explanation steps decided on the record as it
 * is inside the write, refused without a trace, replayed without deciding again; explanation requests and
 * ledger entries added once by id, the ledger never edited.
 */
import type {
  DecideExplanation,
  ExplanationRecord,
  InterviewRecord,
  LedgerRecord,
  ReviewRecord,
} from '../../core/app/reviews/store';
import type { SuiteContext } from './suite';
import { C1, C2, CITY, M, U } from './fixtures';

const T0 = 1_746_000_000_000;

export function review(version: number, over: Partial<ReviewRecord> = {}): ReviewRecord {
  return {
    id: `${C1}:2025-04:v${version}`,
    cityId: CITY,
    campaignId: C1,
    period: '2025-04',
    version,
    note: '请各单位对照整改',
    publishedAt: T0 + version,
    publishedById: 'user-sup',
    publishedByName: '赵敏',
    changes: version === 1 ? [] : ['「方岩镇」完成投资：本月完成 0.5 → 0.9'],
    flagged: [{ unitId: U.a1, unitName: '方岩镇', division: '乡镇街道', level: 1, metricIds: [M.invest] }],
    requestId: `req-review-${version}`,
    metrics: [{ id: M.invest, name: '完成投资', measure: '亿元' }],
    divisions: [
      {
        division: '乡镇街道',
        rows: [
          { unitId: U.a2, unitName: '古山镇', metricId: M.invest, MA: 1.5, MT: 1, LY: 1, growth: 0.5, missed: false, growthRank: 1, flagged: false, level: 0 },
          { unitId: U.a1, unitName: '方岩镇', metricId: M.invest, MA: 0.5, MT: 1, LY: 1, growth: -0.5, missed: true, growthRank: 2, flagged: true, level: 1 },
        ],
      },
    ],
    excluded: [{ unitId: U.b1, unitName: '众泰汽车小镇', metricId: M.invest, reason: 'no_last_year' }],
    ...over,
  };
}

export function interview(unitId: string, over: Partial<InterviewRecord> = {}): InterviewRecord {
  return {
    id: `${C1}:2025-04:${unitId}`,
    cityId: CITY,
    campaignId: C1,
    period: '2025-04',
    unitId,
    level: 1,
    attendees: ['deputy'],
    reviewVersion: 1,
    dueDay: '2025-05-11',
    status: 'scheduled',
    heldDay: null,
    note: '',
    recordedById: null,
    recordedByName: null,
    requestId: null,
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}

export function explanation(unitId: string, metricId: string, over: Partial<ExplanationRecord> = {}): ExplanationRecord {
  return {
    id: `${C1}:${unitId}:${metricId}`,
    cityId: CITY,
    campaignId: C1,
    unitId,
    metricId,
    target: 3.5,
    value: 2.1,
    dueDay: '2025-06-21',
    status: 'requested',
    text: '',
    photos: [],
    submittedAt: null,
    submittedById: null,
    submittedByName: null,
    decidedAt: null,
    decidedById: null,
    decidedByName: null,
    returnReason: null,
    submissions: 0,
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}

export function deduction(explanationId: string, unitId: string, over: Partial<LedgerRecord> = {}): LedgerRecord {
  return {
    id: `deduct:${explanationId}`,
    cityId: CITY,
    campaignId: C1,
    unitId,
    points: -1,
    reason: '「完成投资」未完成目标',
    sourceKind: 'explanation',
    sourceId: explanationId,
    at: T0,
    byId: 'system',
    requestId: null,
    ...over,
  };
}

/** A submission by the unit's leader, refused unless the request is open to one. */
const submit =
  (text: string, requestId: string, at = T0 + 100): DecideExplanation =>
  (cur) =>
    cur.status === 'requested' || cur.status === 'returned'
      ? {
          ok: true,
          record: {
            ...cur,
            status: 'submitted',
            text,
            submittedAt: at,
            submittedById: 'user-b1',
            submittedByName: '李强',
            submissions: cur.submissions + 1,
            updatedAt: at,
          },
          event: { explanationId: cur.id, at, byId: 'user-b1', byName: '李强', to: 'submitted', note: '', requestId },
        }
      : { ok: false, code: 'CONFLICT', message: '该书面说明已提交，等待审核' };

export const reviewCaseIds = [
  'reviews.publish',
  'reviews.versions',
  'reviews.perCampaign',
  'interviews.sync',
  'interviews.step',
  'explanations.add',
  'explanations.step',
  'ledger.append',
] as const;

export function reviewCases({ store, it }: SuiteContext): void {
  it('reviews.publish', 'a 通报 is published once per (publisher, requestId) and read back whole', async () => {
    const s = store();
    expect(await s.reviews.getReview(C1, '2025-04')).toBeNull();
    const first = await s.reviews.publishReview(review(1));
    expect(first).toEqual({ ok: true, review: review(1), replayed: false });
    // The same request again (a retried publish): the stored one, nothing new.
    const again = await s.reviews.publishReview(review(1, { note: '重发' }));
    expect(again).toEqual({ ok: true, review: review(1), replayed: true });
    expect(await s.reviews.getReview(C1, '2025-04')).toEqual(review(1));
    expect(await s.reviews.getReview(C1, '2025-04', 1)).toEqual(review(1));
    expect(await s.reviews.getReview(C1, '2025-04', 2)).toBeNull();
    expect(await s.reviews.getReview(C1, '2025-03')).toBeNull();
  });

  it('reviews.versions', 'a taken version is refused; the latest version is the default; heads list every version', async () => {
    const s = store();
    await s.reviews.publishReview(review(1));
    // Another supervisor publishing version 1 of the same month at once: refused, nothing written.
    const race = await s.reviews.publishReview(review(1, { publishedById: 'user-sup2', requestId: 'req-other' }));
    expect(race.ok).toBe(false);
    if (!race.ok) expect(race.code).toBe('CONFLICT');
    await s.reviews.publishReview(review(2));
    const march = review(1, { id: `${C1}:2025-03:v1`, period: '2025-03', requestId: 'req-march', publishedAt: T0 - 1 });
    await s.reviews.publishReview(march);
    expect((await s.reviews.getReview(C1, '2025-04'))?.version).toBe(2);
    expect((await s.reviews.getReview(C1, '2025-04', 1))?.changes).toEqual([]);
    const heads = await s.reviews.listReviews(C1);
    expect(heads.map((h) => [h.period, h.version])).toEqual([
      ['2025-03', 1],
      ['2025-04', 1],
      ['2025-04', 2],
    ]);
    const { metrics: _m, divisions: _d, excluded: _e, ...head } = review(2);
    expect(heads[2]).toEqual(head);
  });

  it('reviews.perCampaign', "a campaign's reviews, interviews, explanations and ledger are its own", async () => {
    const s = store();
    await s.reviews.publishReview(review(1));
    await s.reviews.syncInterviews(C1, '2025-04', [interview(U.a1)]);
    await s.reviews.addExplanations([explanation(U.a1, M.invest)]);
    await s.reviews.appendLedger([deduction(`${C1}:${U.a1}:${M.invest}`, U.a1)]);
    expect(await s.reviews.getReview(C2, '2025-04')).toBeNull();
    expect(await s.reviews.listReviews(C2)).toEqual([]);
    expect(await s.reviews.listInterviews(C2)).toEqual([]);
    expect(await s.reviews.listExplanations(C2)).toEqual([]);
    expect(await s.reviews.listLedger(C2)).toEqual([]);
    // The same request id in another campaign is another request.
    const other = review(1, { id: `${C2}:2025-04:v1`, campaignId: C2 });
    expect(await s.reviews.publishReview(other)).toEqual({ ok: true, review: other, replayed: false });
  });

  it('interviews.sync', "the month's scheduled 约谈 follow the latest version; a held one is never touched", async () => {
    const s = store();
    await s.reviews.syncInterviews(C1, '2025-04', [interview(U.a1), interview(U.a2)]);
    await s.reviews.syncInterviews(C1, '2025-04', [interview(U.a1), interview(U.a2)]);
    expect((await s.reviews.listInterviews(C1)).map((i) => i.unitId)).toEqual([U.a1, U.a2]);
    const held = await s.reviews.stepInterview(C1, interview(U.a2).id, { byId: 'user-sup', requestId: 'req-held' }, (cur) => ({
      ok: true,
      record: { ...cur, status: 'held', heldDay: '2025-05-08', note: '已约谈', recordedById: 'user-sup', recordedByName: '赵敏', requestId: 'req-held' },
    }));
    expect(held.ok).toBe(true);
    // Version 2: a1 goes to level 2, a2 (held) is no longer flagged, b1 is new. A March interview is apart.
    await s.reviews.syncInterviews(C1, '2025-03', [interview(U.b2, { id: `${C1}:2025-03:${U.b2}`, period: '2025-03', dueDay: '2025-04-10' })]);
    await s.reviews.syncInterviews(C1, '2025-04', [
      interview(U.a1, { level: 2, attendees: ['main', 'deputy'], reviewVersion: 2, dueDay: '2025-05-15' }),
      interview(U.b1, { reviewVersion: 2, dueDay: '2025-05-15' }),
    ]);
    const all = await s.reviews.listInterviews(C1);
    const byUnit = new Map(all.filter((i) => i.period === '2025-04').map((i) => [i.unitId, i]));
    expect(byUnit.get(U.a1)).toMatchObject({ level: 2, attendees: ['main', 'deputy'], reviewVersion: 2, dueDay: '2025-05-15', status: 'scheduled' });
    expect(byUnit.get(U.a2)).toMatchObject({ status: 'held', heldDay: '2025-05-08', level: 1, reviewVersion: 1 });
    expect(byUnit.get(U.b1)).toMatchObject({ status: 'scheduled', level: 1 });
    expect(all.find((i) => i.period === '2025-03')?.status).toBe('scheduled');
    // Version 3 flags nobody: the scheduled ones of April are cancelled, the held one stays held.
    await s.reviews.syncInterviews(C1, '2025-04', []);
    const after = new Map((await s.reviews.listInterviews(C1)).filter((i) => i.period === '2025-04').map((i) => [i.unitId, i.status]));
    expect(Object.fromEntries(after)).toEqual({ [U.a1]: 'cancelled', [U.a2]: 'held', [U.b1]: 'cancelled' });
    // Listed by due day, then id.
    const days = (await s.reviews.listInterviews(C1)).map((i) => i.dueDay);
    expect(days).toEqual([...days].sort());
  });

  it('interviews.step', 'an interview step is decided on the record inside the write, refused without a trace, replayed', async () => {
    const s = store();
    await s.reviews.syncInterviews(C1, '2025-04', [interview(U.a1)]);
    const id = interview(U.a1).id;
    let decided = 0;
    const hold = (requestId: string) => (cur: InterviewRecord) => {
      decided += 1;
      return cur.status === 'scheduled'
        ? { ok: true as const, record: { ...cur, status: 'held' as const, heldDay: '2025-05-06', note: '整改到位', recordedById: 'user-sup', recordedByName: '赵敏', requestId, updatedAt: T0 + 5 } }
        : { ok: false as const, code: 'CONFLICT' as const, message: '该约谈已记录' };
    };
    const first = await s.reviews.stepInterview(C1, id, { byId: 'user-sup', requestId: 'req-1' }, hold('req-1'));
    expect(first).toMatchObject({ ok: true, replayed: false, record: { status: 'held', heldDay: '2025-05-06' } });
    const replay = await s.reviews.stepInterview(C1, id, { byId: 'user-sup', requestId: 'req-1' }, hold('req-1'));
    expect(replay).toMatchObject({ ok: true, replayed: true, record: { status: 'held' } });
    expect(decided).toBe(1);
    const again = await s.reviews.stepInterview(C1, id, { byId: 'user-sup', requestId: 'req-2' }, hold('req-2'));
    expect(again).toEqual({ ok: false, code: 'CONFLICT', message: '该约谈已记录' });
    expect((await s.reviews.listInterviews(C1))[0]).toMatchObject({ requestId: 'req-1', note: '整改到位' });
    const missing = await s.reviews.stepInterview(C1, 'nope', { byId: 'user-sup', requestId: 'req-3' }, hold('req-3'));
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.code).toBe('NOT_FOUND');
    // Another campaign's id is missing too.
    const elsewhere = await s.reviews.stepInterview(C2, id, { byId: 'user-sup', requestId: 'req-4' }, hold('req-4'));
    expect(elsewhere.ok).toBe(false);
  });

  it('explanations.add', 'explanation requests are added once by id and listed by due day', async () => {
    const s = store();
    const a = explanation(U.a1, M.invest);
    const b = explanation(U.a2, M.invest, { dueDay: '2025-06-20', target: 2.8, value: null });
    expect(await s.reviews.addExplanations([a, b])).toBe(2);
    // Made again (a double-fired timer, with another time): nothing new, nothing changed.
    expect(await s.reviews.addExplanations([{ ...a, createdAt: T0 + 9, dueDay: '2025-07-01' }, b])).toBe(0);
    expect(await s.reviews.listExplanations(C1)).toEqual([b, a]);
    expect(await s.reviews.addExplanations([])).toBe(0);
  });

  it('explanations.step', 'explanation steps: decided inside the write, history kept, replays answered, refusals leave no trace', async () => {
    const s = store();
    const a = explanation(U.b1, M.invest);
    await s.reviews.addExplanations([a]);
    const first = await s.reviews.stepExplanation(C1, a.id, { byId: 'user-b1', requestId: 'req-s1' }, submit('受用地影响', 'req-s1'));
    expect(first).toMatchObject({ ok: true, replayed: false, record: { status: 'submitted', text: '受用地影响', submissions: 1 } });
    const replay = await s.reviews.stepExplanation(C1, a.id, { byId: 'user-b1', requestId: 'req-s1' }, () => {
      throw new Error('a replay must not decide');
    });
    expect(replay).toMatchObject({ ok: true, replayed: true, record: { status: 'submitted' } });
    const refused = await s.reviews.stepExplanation(C1, a.id, { byId: 'user-b1', requestId: 'req-s2' }, submit('再交一次', 'req-s2'));
    expect(refused).toEqual({ ok: false, code: 'CONFLICT', message: '该书面说明已提交，等待审核' });
    const returned = await s.reviews.stepExplanation(C1, a.id, { byId: 'user-sup', requestId: 'req-r1' }, (cur) => ({
      ok: true,
      record: { ...cur, status: 'returned', returnReason: '请补充整改措施', decidedAt: T0 + 200, decidedById: 'user-sup', decidedByName: '赵敏', updatedAt: T0 + 200 },
      event: { explanationId: cur.id, at: T0 + 200, byId: 'user-sup', byName: '赵敏', to: 'returned', note: '请补充整改措施', requestId: 'req-r1' },
    }));
    expect(returned).toMatchObject({ ok: true, record: { status: 'returned', returnReason: '请补充整改措施' } });
    // The same request id by another user is another request.
    const resubmit = await s.reviews.stepExplanation(C1, a.id, { byId: 'user-b1', requestId: 'req-r1' }, submit('已补充整改措施', 'req-r1', T0 + 300));
    expect(resubmit).toMatchObject({ ok: true, replayed: false, record: { status: 'submitted', submissions: 2 } });
    const history = await s.reviews.explanationHistory(C1, a.id);
    expect(history.map((e) => [e.to, e.byId, e.requestId])).toEqual([
      ['submitted', 'user-b1', 'req-s1'],
      ['returned', 'user-sup', 'req-r1'],
      ['submitted', 'user-b1', 'req-r1'],
    ]);
    const missing = await s.reviews.stepExplanation(C1, 'nope', { byId: 'user-b1', requestId: 'req-x' }, submit('x', 'req-x'));
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.code).toBe('NOT_FOUND');
    expect(await s.reviews.explanationHistory(C2, a.id)).toEqual([]);
  });

  it('ledger.append', 'the ledger appends by id, never edits, and lists oldest first', async () => {
    const s = store();
    const d1 = deduction('e1', U.a1, { at: T0 + 2 });
    const d2 = deduction('e2', U.a2, { at: T0 + 1 });
    const first = await s.reviews.appendLedger([d1, d2]);
    expect(first.added.sort()).toEqual([d1.id, d2.id].sort());
    // A second run of the end-of-campaign job: same ids, another reason — nothing added, nothing edited.
    const again = await s.reviews.appendLedger([{ ...d1, reason: '改过的原因', points: -5 }]);
    expect(again).toEqual({ entries: [d1], added: [] });
    const reversal: LedgerRecord = {
      ...d1,
      id: `reverse:${d1.id}`,
      points: 1,
      reason: '经核实属不可抗力',
      sourceKind: 'reversal',
      sourceId: d1.id,
      at: T0 + 3,
      byId: 'user-sup',
      requestId: 'req-rev',
    };
    expect((await s.reviews.appendLedger([reversal])).added).toEqual([reversal.id]);
    expect(await s.reviews.listLedger(C1)).toEqual([d2, d1, reversal]);
  });
}
