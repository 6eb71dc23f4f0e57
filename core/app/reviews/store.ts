/**
 * The reviews slice of the Store (DOMAIN.md "The monthly review and its sanctions"): published 通报
 * (immutable snapshots, one per version), the 约谈 they call, the 书面说明 a finished campaign asks for,
 * and the assessment ledger (append-only). Writes a phone may send twice carry a requestId: the same
 * (user, requestId) again changes nothing and answers what the first one did. Records the system makes
 * (interviews, explanation requests, deductions) have ids made from what they are about, so making them
 * again — a retried publish, a double-fired timer — adds nothing.
 */
import type {
  Day,
  Excluded,
  ExplanationStatus,
  FlaggedUnit,
  InterviewLevel,
  Period,
  ReviewDivision,
  ReviewMetric,
} from '../../contract';

export interface ReviewHead {
  /** `${campaignId}:${period}:v${version}`. */
  id: string;
  cityId: string;
  campaignId: string;
  period: Period;
  version: number;
  note: string;
  /** Milliseconds since the epoch. */
  publishedAt: number;
  publishedById: string;
  publishedByName: string;
  /** What this version changes against the one before (empty for the first). */
  changes: string[];
  flagged: FlaggedUnit[];
  requestId: string;
}

/** A published 通报: its head and the frozen table. */
export interface ReviewRecord extends ReviewHead {
  metrics: ReviewMetric[];
  divisions: ReviewDivision[];
  excluded: Excluded[];
}

export type InterviewRecordStatus = 'scheduled' | 'held' | 'cancelled';

export interface InterviewRecord {
  /** `${campaignId}:${period}:${unitId}`. */
  id: string;
  cityId: string;
  campaignId: string;
  period: Period;
  unitId: string;
  level: InterviewLevel;
  attendees: Array<'deputy' | 'main'>;
  /** The review version that called it (or last changed it). */
  reviewVersion: number;
  dueDay: Day;
  status: InterviewRecordStatus;
  heldDay: Day | null;
  note: string;
  recordedById: string | null;
  recordedByName: string | null;
  /** The requestId of the step that recorded it held. */
  requestId: string | null;
  /** Milliseconds since the epoch. */
  createdAt: number;
  updatedAt: number;
}

export interface ExplanationRecord {
  /** `${campaignId}:${unitId}:${metricId}`. */
  id: string;
  cityId: string;
  campaignId: string;
  unitId: string;
  metricId: string;
  target: number;
  value: number | null;
  dueDay: Day;
  status: ExplanationStatus;
  text: string;
  photos: string[];
  submittedAt: number | null;
  submittedById: string | null;
  submittedByName: string | null;
  decidedAt: number | null;
  decidedById: string | null;
  decidedByName: string | null;
  returnReason: string | null;
  /** How many times it has been submitted (a returned one is submitted again). */
  submissions: number;
  createdAt: number;
  updatedAt: number;
}

/** One step of an explanation (submitted, accepted, returned), kept for its history and for replays. */
export interface ExplanationEventRecord {
  explanationId: string;
  at: number;
  byId: string;
  byName: string;
  to: ExplanationStatus;
  note: string;
  requestId: string;
}

export interface LedgerRecord {
  /** A deduction: `deduct:${explanationId}`; its reversal: `reverse:${entryId}`. */
  id: string;
  cityId: string;
  campaignId: string;
  unitId: string;
  /** Negative for a deduction, positive for a reversal. */
  points: number;
  reason: string;
  sourceKind: 'explanation' | 'reversal';
  sourceId: string;
  at: number;
  /** Who entered it: a user, or 'system' for the deductions the campaign's end makes. */
  byId: string;
  requestId: string | null;
}

/**
 * What a step makes of the record as it is inside the write: the record after the step (and, for an
 * explanation, its event), or a refusal that writes nothing. Run by the store on the current record.
 */
export type Refusal = { ok: false; code: 'CONFLICT' | 'FORBIDDEN' | 'INVALID_ARGUMENT'; message: string };
export type DecideInterview = (current: InterviewRecord) => { ok: true; record: InterviewRecord } | Refusal;
export type DecideExplanation = (
  current: ExplanationRecord,
) => { ok: true; record: ExplanationRecord; event: ExplanationEventRecord } | Refusal;

export type StepOutcome<R> =
  | { ok: true; record: R; replayed: boolean }
  | { ok: false; code: 'CONFLICT' | 'FORBIDDEN' | 'INVALID_ARGUMENT' | 'NOT_FOUND'; message: string };

export interface ReviewStore {
  /**
   * Publishes a version of a month's 通报: inserted unless `publishedById` already published one with this
   * requestId in the campaign (then that one, `replayed` true). CONFLICT, writing nothing, when the
   * (campaign, period, version) is taken — another supervisor published first.
   */
  publishReview(
    review: ReviewRecord,
  ): Promise<{ ok: true; review: ReviewRecord; replayed: boolean } | { ok: false; code: 'CONFLICT'; message: string }>;
  /** A version of the month's 通报, the latest when no version is given; null when none is published. */
  getReview(campaignId: string, period: Period, version?: number): Promise<ReviewRecord | null>;
  /** Every published version of the campaign's 通报 (heads only), by period then version. */
  listReviews(campaignId: string): Promise<ReviewHead[]>;

  /**
   * Makes the month's scheduled 约谈 those of `interviews` (all of one campaign and period): inserts new
   * ones, updates scheduled ones (level, attendees, version, due day), marks `cancelled` the scheduled ones
   * not among them; a held one is never touched. Doing it twice changes nothing.
   */
  syncInterviews(campaignId: string, period: Period, interviews: readonly InterviewRecord[]): Promise<void>;
  /** The campaign's 约谈 (a handful a month), by due day then id. */
  listInterviews(campaignId: string): Promise<InterviewRecord[]>;
  /**
   * Records a step on an interview, atomically: reads it, runs `decide`, writes the result — unless `byId`
   * already recorded it with this requestId (then it as it is, `replayed` true). Missing: NOT_FOUND.
   */
  stepInterview(
    campaignId: string,
    interviewId: string,
    by: { byId: string; requestId: string },
    decide: DecideInterview,
  ): Promise<StepOutcome<InterviewRecord>>;

  /** Inserts the explanation requests not there yet (by id); answers how many were new. */
  addExplanations(explanations: readonly ExplanationRecord[]): Promise<number>;
  /** The campaign's explanation requests, by due day then id. */
  listExplanations(campaignId: string): Promise<ExplanationRecord[]>;
  /**
   * One step of an explanation, atomically: reads it, runs `decide`, writes the record and the event —
   * unless `byId` already took a step with this requestId on it (then it as it is, `replayed` true).
   * Missing: NOT_FOUND. Two steps at once: the second decides on the first's result.
   */
  stepExplanation(
    campaignId: string,
    explanationId: string,
    by: { byId: string; requestId: string },
    decide: DecideExplanation,
  ): Promise<StepOutcome<ExplanationRecord>>;
  /** The explanation's steps, oldest first. */
  explanationHistory(campaignId: string, explanationId: string): Promise<ExplanationEventRecord[]>;

  /**
   * Appends the entries whose id is not in the ledger yet; never changes one that is. Answers the entries
   * as stored (the earlier one where the id was taken) and which ids were new.
   */
  appendLedger(entries: readonly LedgerRecord[]): Promise<{ entries: LedgerRecord[]; added: string[] }>;
  /** The campaign's ledger, oldest first (by `at`, then id). */
  listLedger(campaignId: string): Promise<LedgerRecord[]>;
}
