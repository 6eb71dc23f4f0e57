/**
 * The reviews slice in SQLite (0014_reviews): published 通报, the 约谈 they call, 书面说明 with their steps,
 * and the assessment ledger. A write that replays by requestId looks the request up and writes in one
 * immediate transaction, so a retry racing the first attempt finds it; a step reads the record, decides and
 * writes inside BEGIN IMMEDIATE, so two steps at once take turns and the second decides on the first's
 * result. The ledger has an insert and no update: an entry, once there, is what every later read answers.
 */
import type { Database } from 'better-sqlite3';
import type {
  Day,
  Excluded,
  ExplanationStatus,
  FlaggedUnit,
  InterviewLevel,
  Period,
  ReviewDivision,
  ReviewMetric,
} from '../../core/contract';
import type {
  DecideExplanation,
  DecideInterview,
  ExplanationEventRecord,
  ExplanationRecord,
  InterviewRecord,
  InterviewRecordStatus,
  LedgerRecord,
  ReviewHead,
  ReviewRecord,
  ReviewStore,
  StepOutcome,
} from '../../core/app/reviews/store';

interface HeadRow {
  id: string;
  city_id: string;
  campaign_id: string;
  period: Period;
  version: number;
  note: string;
  published_at: number;
  published_by_id: string;
  published_by_name: string;
  request_id: string;
  changes: string;
  flagged: string;
}

interface ReviewRow extends HeadRow {
  metrics: string;
  divisions: string;
  excluded: string;
}

interface InterviewRow {
  campaign_id: string;
  id: string;
  city_id: string;
  period: Period;
  unit_id: string;
  level: InterviewLevel;
  attendees: string;
  review_version: number;
  due_day: Day;
  status: InterviewRecordStatus;
  held_day: Day | null;
  note: string;
  recorded_by_id: string | null;
  recorded_by_name: string | null;
  request_id: string | null;
  created_at: number;
  updated_at: number;
}

interface ExplanationRow {
  campaign_id: string;
  id: string;
  city_id: string;
  unit_id: string;
  metric_id: string;
  target: number;
  value: number | null;
  due_day: Day;
  status: ExplanationStatus;
  text: string;
  photos: string;
  submitted_at: number | null;
  submitted_by_id: string | null;
  submitted_by_name: string | null;
  decided_at: number | null;
  decided_by_id: string | null;
  decided_by_name: string | null;
  return_reason: string | null;
  submissions: number;
  created_at: number;
  updated_at: number;
}

interface EventRow {
  explanation_id: string;
  at: number;
  by_id: string;
  by_name: string;
  to_status: ExplanationStatus;
  note: string;
  request_id: string;
}

interface LedgerRow {
  campaign_id: string;
  id: string;
  city_id: string;
  unit_id: string;
  points: number;
  reason: string;
  source_kind: LedgerRecord['sourceKind'];
  source_id: string;
  at: number;
  by_id: string;
  request_id: string | null;
}

const toHead = (r: HeadRow): ReviewHead => ({
  id: r.id,
  cityId: r.city_id,
  campaignId: r.campaign_id,
  period: r.period,
  version: r.version,
  note: r.note,
  publishedAt: r.published_at,
  publishedById: r.published_by_id,
  publishedByName: r.published_by_name,
  changes: JSON.parse(r.changes) as string[],
  flagged: JSON.parse(r.flagged) as FlaggedUnit[],
  requestId: r.request_id,
});

const toReview = (r: ReviewRow): ReviewRecord => ({
  ...toHead(r),
  metrics: JSON.parse(r.metrics) as ReviewMetric[],
  divisions: JSON.parse(r.divisions) as ReviewDivision[],
  excluded: JSON.parse(r.excluded) as Excluded[],
});

const toInterview = (r: InterviewRow): InterviewRecord => ({
  id: r.id,
  cityId: r.city_id,
  campaignId: r.campaign_id,
  period: r.period,
  unitId: r.unit_id,
  level: r.level,
  attendees: JSON.parse(r.attendees) as InterviewRecord['attendees'],
  reviewVersion: r.review_version,
  dueDay: r.due_day,
  status: r.status,
  heldDay: r.held_day,
  note: r.note,
  recordedById: r.recorded_by_id,
  recordedByName: r.recorded_by_name,
  requestId: r.request_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toExplanation = (r: ExplanationRow): ExplanationRecord => ({
  id: r.id,
  cityId: r.city_id,
  campaignId: r.campaign_id,
  unitId: r.unit_id,
  metricId: r.metric_id,
  target: r.target,
  value: r.value,
  dueDay: r.due_day,
  status: r.status,
  text: r.text,
  photos: JSON.parse(r.photos) as string[],
  submittedAt: r.submitted_at,
  submittedById: r.submitted_by_id,
  submittedByName: r.submitted_by_name,
  decidedAt: r.decided_at,
  decidedById: r.decided_by_id,
  decidedByName: r.decided_by_name,
  returnReason: r.return_reason,
  submissions: r.submissions,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toEvent = (r: EventRow): ExplanationEventRecord => ({
  explanationId: r.explanation_id,
  at: r.at,
  byId: r.by_id,
  byName: r.by_name,
  to: r.to_status,
  note: r.note,
  requestId: r.request_id,
});

const toLedger = (r: LedgerRow): LedgerRecord => ({
  id: r.id,
  cityId: r.city_id,
  campaignId: r.campaign_id,
  unitId: r.unit_id,
  points: r.points,
  reason: r.reason,
  sourceKind: r.source_kind,
  sourceId: r.source_id,
  at: r.at,
  byId: r.by_id,
  requestId: r.request_id,
});

const headColumns =
  'id, city_id, campaign_id, period, version, note, published_at, published_by_id, published_by_name, request_id, changes, flagged';

const reviewParams = (r: ReviewRecord) => ({
  ...r,
  changes: JSON.stringify(r.changes),
  flagged: JSON.stringify(r.flagged),
  metrics: JSON.stringify(r.metrics),
  divisions: JSON.stringify(r.divisions),
  excluded: JSON.stringify(r.excluded),
});

const interviewParams = (i: InterviewRecord) => ({ ...i, attendees: JSON.stringify(i.attendees) });
const explanationParams = (e: ExplanationRecord) => ({ ...e, photos: JSON.stringify(e.photos) });

/** Whether a stored interview is already scheduled as the latest version would have it. */
const sameSchedule = (a: InterviewRecord, b: InterviewRecord) =>
  a.status === 'scheduled' &&
  a.level === b.level &&
  a.reviewVersion === b.reviewVersion &&
  a.dueDay === b.dueDay &&
  JSON.stringify(a.attendees) === JSON.stringify(b.attendees);

const notFound = (what: string) =>
  ({ ok: false, code: 'NOT_FOUND', message: `没有找到这个${what}，它不在本次竞赛中。` }) as const;

export function reviewStore(db: Database): ReviewStore {
  const reviewByRequest = db.prepare<[string, string, string], ReviewRow>(
    'SELECT * FROM reviews WHERE campaign_id = ? AND published_by_id = ? AND request_id = ?',
  );
  const versionTaken = db.prepare<[string, string, number], { id: string }>(
    'SELECT id FROM reviews WHERE campaign_id = ? AND period = ? AND version = ?',
  );
  const insertReview = db.prepare(`
    INSERT INTO reviews (campaign_id, period, version, id, city_id, note, published_at, published_by_id,
      published_by_name, request_id, changes, flagged, metrics, divisions, excluded)
    VALUES (@campaignId, @period, @version, @id, @cityId, @note, @publishedAt, @publishedById, @publishedByName,
      @requestId, @changes, @flagged, @metrics, @divisions, @excluded)`);
  const getVersion = db.prepare<[string, string, number], ReviewRow>(
    'SELECT * FROM reviews WHERE campaign_id = ? AND period = ? AND version = ?',
  );
  const getLatest = db.prepare<[string, string], ReviewRow>(
    'SELECT * FROM reviews WHERE campaign_id = ? AND period = ? ORDER BY version DESC LIMIT 1',
  );
  const listHeads = db.prepare<[string], HeadRow>(
    `SELECT ${headColumns} FROM reviews WHERE campaign_id = ? ORDER BY period, version`,
  );

  const getInterview = db.prepare<[string, string], InterviewRow>(
    'SELECT * FROM interviews WHERE campaign_id = ? AND id = ?',
  );
  const monthInterviews = db.prepare<[string, string], InterviewRow>(
    'SELECT * FROM interviews WHERE campaign_id = ? AND period = ?',
  );
  const listInterviews = db.prepare<[string], InterviewRow>(
    'SELECT * FROM interviews WHERE campaign_id = ? ORDER BY due_day, id',
  );
  const insertInterview = db.prepare(`
    INSERT INTO interviews (campaign_id, id, city_id, period, unit_id, level, attendees, review_version, due_day,
      status, held_day, note, recorded_by_id, recorded_by_name, request_id, created_at, updated_at)
    VALUES (@campaignId, @id, @cityId, @period, @unitId, @level, @attendees, @reviewVersion, @dueDay, @status,
      @heldDay, @note, @recordedById, @recordedByName, @requestId, @createdAt, @updatedAt)`);
  // What a sync sets: the schedule of the latest version. Who recorded what, and the creation, stay.
  // A cancellation keeps updatedAt: the port gives a sync no time of its own.
  const reschedule = db.prepare(`
    UPDATE interviews SET level = @level, attendees = @attendees, review_version = @reviewVersion,
      due_day = @dueDay, status = @status, updated_at = @updatedAt
    WHERE campaign_id = @campaignId AND id = @id AND status <> 'held'`);
  const cancel = db.prepare<[string, string]>(
    "UPDATE interviews SET status = 'cancelled' WHERE campaign_id = ? AND id = ? AND status = 'scheduled'",
  );
  // A step changes what a step may change; the keys, the month, the unit and the creation stay.
  const updateInterview = db.prepare(`
    UPDATE interviews SET level = @level, attendees = @attendees, review_version = @reviewVersion,
      due_day = @dueDay, status = @status, held_day = @heldDay, note = @note, recorded_by_id = @recordedById,
      recorded_by_name = @recordedByName, request_id = @requestId, updated_at = @updatedAt
    WHERE campaign_id = @campaignId AND id = @id`);

  const insertExplanation = db.prepare(`
    INSERT INTO explanations (campaign_id, id, city_id, unit_id, metric_id, target, value, due_day, status, text,
      photos, submitted_at, submitted_by_id, submitted_by_name, decided_at, decided_by_id, decided_by_name,
      return_reason, submissions, created_at, updated_at)
    VALUES (@campaignId, @id, @cityId, @unitId, @metricId, @target, @value, @dueDay, @status, @text, @photos,
      @submittedAt, @submittedById, @submittedByName, @decidedAt, @decidedById, @decidedByName, @returnReason,
      @submissions, @createdAt, @updatedAt)
    ON CONFLICT (campaign_id, id) DO NOTHING`);
  const getExplanation = db.prepare<[string, string], ExplanationRow>(
    'SELECT * FROM explanations WHERE campaign_id = ? AND id = ?',
  );
  const listExplanations = db.prepare<[string], ExplanationRow>(
    'SELECT * FROM explanations WHERE campaign_id = ? ORDER BY due_day, id',
  );
  const updateExplanation = db.prepare(`
    UPDATE explanations SET target = @target, value = @value, due_day = @dueDay, status = @status, text = @text,
      photos = @photos, submitted_at = @submittedAt, submitted_by_id = @submittedById,
      submitted_by_name = @submittedByName, decided_at = @decidedAt, decided_by_id = @decidedById,
      decided_by_name = @decidedByName, return_reason = @returnReason, submissions = @submissions,
      updated_at = @updatedAt
    WHERE campaign_id = @campaignId AND id = @id`);
  const insertEvent = db.prepare(`
    INSERT INTO explanation_events (city_id, campaign_id, explanation_id, at, by_id, by_name, to_status, note,
      request_id)
    VALUES (@cityId, @campaignId, @explanationId, @at, @byId, @byName, @to, @note, @requestId)`);
  const stepTaken = db.prepare<[string, string, string, string], { seq: number }>(
    'SELECT seq FROM explanation_events WHERE campaign_id = ? AND explanation_id = ? AND by_id = ? AND request_id = ?',
  );
  const history = db.prepare<[string, string], EventRow>(
    'SELECT * FROM explanation_events WHERE campaign_id = ? AND explanation_id = ? ORDER BY seq',
  );

  const getEntry = db.prepare<[string, string], LedgerRow>('SELECT * FROM ledger WHERE campaign_id = ? AND id = ?');
  const insertEntry = db.prepare(`
    INSERT INTO ledger (campaign_id, id, city_id, unit_id, points, reason, source_kind, source_id, at, by_id,
      request_id)
    VALUES (@campaignId, @id, @cityId, @unitId, @points, @reason, @sourceKind, @sourceId, @at, @byId, @requestId)`);
  const listLedger = db.prepare<[string], LedgerRow>('SELECT * FROM ledger WHERE campaign_id = ? ORDER BY at, id');

  const publish = db.transaction((review: ReviewRecord) => {
    const seen = reviewByRequest.get(review.campaignId, review.publishedById, review.requestId);
    if (seen) return { ok: true as const, review: toReview(seen), replayed: true };
    if (versionTaken.get(review.campaignId, review.period, review.version)) {
      return {
        ok: false as const,
        code: 'CONFLICT' as const,
        message: `${review.period} 月度通报第 ${review.version} 版已经发布，请刷新后再试。`,
      };
    }
    insertReview.run(reviewParams(review));
    return { ok: true as const, review, replayed: false };
  });

  const sync = db.transaction((campaignId: string, period: Period, interviews: readonly InterviewRecord[]) => {
    const stray = interviews.find((i) => i.campaignId !== campaignId || i.period !== period);
    // Misuse, not a refusal: an interview filed under another month would cancel that month's.
    if (stray) throw new Error(`约谈「${stray.id}」不属于竞赛「${campaignId}」的 ${period}，未同步。`);
    const wanted = new Set(interviews.map((i) => i.id));
    for (const i of interviews) {
      const row = getInterview.get(campaignId, i.id);
      if (!row) insertInterview.run(interviewParams(i));
      // A cancelled one flagged again by a later version is scheduled again; written only when it changes,
      // so a second sync (a double-fired timer, with another time) leaves updatedAt as it was.
      else if (row.status !== 'held' && !sameSchedule(toInterview(row), i))
        reschedule.run(interviewParams({ ...i, status: 'scheduled' }));
    }
    for (const row of monthInterviews.all(campaignId, period)) if (!wanted.has(row.id)) cancel.run(campaignId, row.id);
  });

  const stepInterview = db.transaction(
    (
      campaignId: string,
      interviewId: string,
      by: { byId: string; requestId: string },
      decide: DecideInterview,
    ): StepOutcome<InterviewRecord> => {
      const row = getInterview.get(campaignId, interviewId);
      if (!row) return notFound('约谈');
      // Replay before deciding: the first step is done, and deciding again on its result would refuse it.
      if (row.recorded_by_id === by.byId && row.request_id === by.requestId)
        return { ok: true, record: toInterview(row), replayed: true };
      const decided = decide(toInterview(row));
      if (!decided.ok) return decided;
      // The replay key is the record's own: one filed under another key would never be found again.
      if (decided.record.recordedById !== by.byId || decided.record.requestId !== by.requestId)
        throw new Error('约谈记录的记录人或请求与本次请求不一致，未保存。');
      updateInterview.run(interviewParams({ ...decided.record, campaignId, id: interviewId }));
      return { ok: true, record: toInterview(getInterview.get(campaignId, interviewId)!), replayed: false };
    },
  );

  const addExplanations = db.transaction((explanations: readonly ExplanationRecord[]) => {
    let added = 0;
    for (const e of explanations) added += insertExplanation.run(explanationParams(e)).changes;
    return added;
  });

  const stepExplanation = db.transaction(
    (
      campaignId: string,
      explanationId: string,
      by: { byId: string; requestId: string },
      decide: DecideExplanation,
    ): StepOutcome<ExplanationRecord> => {
      const row = getExplanation.get(campaignId, explanationId);
      if (!row) return notFound('书面说明');
      if (stepTaken.get(campaignId, explanationId, by.byId, by.requestId))
        return { ok: true, record: toExplanation(row), replayed: true };
      const decided = decide(toExplanation(row));
      if (!decided.ok) return decided;
      const { event } = decided;
      if (event.byId !== by.byId || event.requestId !== by.requestId)
        throw new Error('书面说明步骤的记录与请求不一致，未保存。');
      updateExplanation.run(explanationParams({ ...decided.record, campaignId, id: explanationId }));
      insertEvent.run({ ...event, cityId: row.city_id, campaignId, explanationId });
      return { ok: true, record: toExplanation(getExplanation.get(campaignId, explanationId)!), replayed: false };
    },
  );

  const append = db.transaction((entries: readonly LedgerRecord[]) => {
    const stored: LedgerRecord[] = [];
    const added: string[] = [];
    for (const entry of entries) {
      const seen = getEntry.get(entry.campaignId, entry.id);
      if (seen) {
        stored.push(toLedger(seen));
        continue;
      }
      insertEntry.run(entry);
      stored.push(entry);
      added.push(entry.id);
    }
    return { entries: stored, added };
  });

  // `async` turns a thrown error (a constraint, a throwing decide) into a rejected promise, as callers expect.
  return {
    publishReview: async (review) => publish.immediate(review),
    getReview: async (campaignId, period, version) => {
      const row = version === undefined ? getLatest.get(campaignId, period) : getVersion.get(campaignId, period, version);
      return row ? toReview(row) : null;
    },
    listReviews: async (campaignId) => listHeads.all(campaignId).map(toHead),
    syncInterviews: async (campaignId, period, interviews) => sync.immediate(campaignId, period, interviews),
    listInterviews: async (campaignId) => listInterviews.all(campaignId).map(toInterview),
    stepInterview: async (campaignId, interviewId, by, decide) =>
      stepInterview.immediate(campaignId, interviewId, by, decide),
    addExplanations: async (explanations) => addExplanations.immediate(explanations),
    listExplanations: async (campaignId) => listExplanations.all(campaignId).map(toExplanation),
    stepExplanation: async (campaignId, explanationId, by, decide) =>
      stepExplanation.immediate(campaignId, explanationId, by, decide),
    explanationHistory: async (campaignId, explanationId) => history.all(campaignId, explanationId).map(toEvent),
    appendLedger: async (entries) => append.immediate(entries),
    listLedger: async (campaignId) => listLedger.all(campaignId).map(toLedger),
  };
}
