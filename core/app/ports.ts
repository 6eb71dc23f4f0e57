/**
 * The ports: what the use cases need from the outside world, as plain types.
 * An adapter is `export const x: Port = …` or a factory returning one, so the compiler checks it.
 */
import type {
  ApiError,
  NotificationKind,
  Campaign,
  Day,
  Metric,
  Role,
  Target,
  Track,
  Unit,
} from '../contract';

/** "Now" comes from here, never from Date.now(), so tests and the demo can fix it. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/** Ids and secrets come from here: core/ has no crypto of its own. */
export interface Ids {
  /** A unique, URL-safe id. */
  newId(): string;
  /** An unguessable session token. */
  newToken(): string;
  /** `length` characters drawn uniformly at random from `alphabet` (invite codes). */
  newCode(length: number, alphabet: string): string;
}

/** A metric as stored: it belongs to one track. */
export type MetricRecord = Metric & { trackId: string };
export type TrackRecord = Omit<Track, 'metrics'>;

/** Everything that defines a campaign; loaded whole (it is small: units × metrics targets). */
export interface CampaignData {
  campaign: Campaign;
  tracks: TrackRecord[];
  metrics: MetricRecord[];
  /** Units taking part in this campaign. */
  units: Unit[];
  targets: Target[];
}

export interface UserRecord {
  id: string;
  name: string;
  role: Role;
  unitId: string | null;
  /** Set when the user is a demo account (demo login lists only these). */
  demo?: boolean;
  /** WeChat: the OPENID bound by `me.bind` (unique). */
  openid?: string;
  /** Self-hosted: the sign-in account (unique) and its password hash (from the Passwords port). */
  account?: string;
  passwordHash?: string;
  /**
   * Subscription-message consents left, by template id (each acceptance of a template allows one message
   * of that template); only positive counts; absent when none: in-app only. See ./credits.ts.
   */
  subscribeCredits?: SubscribeCredits;
}

/** Consents left by template id; `ANY_TEMPLATE` ('*') holds those counted before templates were told apart. */
export type SubscribeCredits = Readonly<Record<string, number>>;

export interface InviteRecord {
  code: string;
  role: Role;
  unitId: string | null;
  createdBy: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  expiresAt: number;
  /** Set once, when redeemed. */
  usedBy: string | null;
  usedAt: number | null;
}

export interface NotificationRecord {
  id: string;
  userId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  subjectId: string;
  /** `${userId}|${kind}|${subjectId}|${period}`: each is stored, and so sent, at most once. */
  dedupeKey: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  readAt: number | null;
  /** What each channel did with it, e.g. { subscribe: 'sent' } or { webhook: 'failed' }. */
  channels: Record<string, string>;
}

export interface NotificationPage {
  items: NotificationRecord[];
  nextCursor: string | null;
}

export interface SessionRecord {
  token: string;
  userId: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

export interface FigureInputRecord {
  metricId: string;
  value: number;
}

export interface StoredFigure {
  metricId: string;
  value: number;
  previous: number | null;
}

export interface PostRecord {
  id: string;
  campaignId: string;
  unitId: string;
  authorId: string;
  /** Kept as it was when posted. */
  authorName: string;
  /** ISO 8601 instant. */
  createdAt: string;
  /** The campaign-zone day of createdAt. */
  day: Day;
  figures: StoredFigure[];
  text: string;
  photos: string[];
  correctionReason: string | null;
  requestId: string;
  /** The content check asked for a supervisor's review. */
  flagged?: boolean;
  /** Photos an image check found risky: kept in `photos` (not deleted) but not shown to readers. */
  hiddenPhotos?: string[];
}

/** Which photo of which post an asynchronous image check is about; its verdict arrives later by trace id. */
export interface PhotoCheckRecord {
  traceId: string;
  postId: string;
  photo: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
}

/** A post before the store gives it an id and fills in `previous`. */
export type PostDraft = Omit<PostRecord, 'id' | 'figures'> & { figures: FigureInputRecord[] };

/** The unit's latest value of one metric. */
export interface LatestFigure {
  unitId: string;
  metricId: string;
  value: number;
  /** Day of the post that set it. */
  day: Day;
}

/**
 * Runs inside the store's transaction with the unit's latest figures (by metricId),
 * and decides the figures to write (with `previous` filled in) or refuses the post.
 * It is pure, so a store that retries a transaction may call it again.
 */
export type DecideFigures = (
  latest: ReadonlyMap<string, LatestFigure>,
) => { ok: true; figures: StoredFigure[] } | { ok: false; error: ApiError };

export type CommitResult =
  | { ok: true; post: PostRecord; replayed: boolean }
  | { ok: false; error: ApiError };

export interface PostPage {
  items: PostRecord[];
  nextCursor: string | null;
}

/**
 * Persistence. Every adapter passes the one Store contract suite (tests/store-contract.ts).
 * Reads never scan the posts: standings come from latest and daily figures.
 */
export interface Store {
  // --- campaigns ----------------------------------------------------------
  /** Inserts or replaces a campaign with its tracks, metrics, units and targets. */
  saveCampaign(data: CampaignData): Promise<void>;
  loadCampaign(campaignId: string): Promise<CampaignData | null>;
  /** The campaign `campaign.current` answers with: a setting, not a singleton. */
  getCurrentCampaignId(): Promise<string | null>;
  setCurrentCampaignId(campaignId: string): Promise<void>;

  // --- people -------------------------------------------------------------
  putUser(user: UserRecord): Promise<void>;
  getUser(userId: string): Promise<UserRecord | null>;
  listUsers(filter?: { demo?: boolean }): Promise<UserRecord[]>;
  putSession(session: SessionRecord): Promise<void>;
  getSession(token: string): Promise<SessionRecord | null>;
  deleteSession(token: string): Promise<void>;

  // --- posts and figures --------------------------------------------------
  /**
   * In one transaction: if (authorId, requestId) was seen, return that post (replayed: true) and write
   * nothing; else read the unit's latest figures, call `decide`, and on success write the post, the
   * unit's latest figure per metric and that day's figure per metric (last post of the day wins),
   * and bump the campaign's data version.
   */
  commitPost(draft: PostDraft, decide: DecideFigures): Promise<CommitResult>;
  /** Newest first. The cursor is opaque to callers. */
  listPosts(query: { campaignId: string; unitId?: string; cursor?: string; limit: number }): Promise<PostPage>;
  latestFigures(campaignId: string): Promise<LatestFigure[]>;
  /** Each (unit, metric)'s value at the close of `day`: its last daily figure on or before that day. */
  figuresAsOf(campaignId: string, day: Day): Promise<LatestFigure[]>;
  /** One unit's daily figures, oldest first (for trend charts). */
  unitDailyFigures(campaignId: string, unitId: string): Promise<LatestFigure[]>;
  /** Grows with every write that can change standings; caches key on it. */
  dataVersion(campaignId: string): Promise<number>;
  /**
   * Grows only when the campaign itself is saved (tracks, metrics, units, targets, weights), so the
   * loaded campaign is reused across posts; 0 for an unknown campaign.
   */
  campaignVersion(campaignId: string): Promise<number>;
  /** Each unit's day of its latest post (any post, with or without figures); units that never posted are absent. */
  lastPostDays(campaignId: string): Promise<Map<string, Day>>;

  // --- joining (issue 4) ----------------------------------------------------
  getUserByOpenid(openid: string): Promise<UserRecord | null>;
  getUserByAccount(account: string): Promise<UserRecord | null>;
  createInvite(invite: InviteRecord): Promise<void>;
  /**
   * Atomically redeems a code: when it exists, is unused and `at < expiresAt`, marks it used by `userId`
   * and returns it; otherwise returns null and changes nothing (so two redeemers never both win).
   */
  redeemInvite(code: string, userId: string, at: number): Promise<InviteRecord | null>;
  /** Revokes every session of a user (sign-out everywhere, a removed user). */
  deleteUserSessions(userId: string): Promise<void>;

  // --- notifications ------------------------------------------------------
  /** Inserts unless one with the same dedupeKey exists; true when inserted. */
  addNotification(n: NotificationRecord): Promise<boolean>;
  /** Records what a channel did with a stored notification. */
  setNotificationChannel(id: string, channel: string, outcome: string): Promise<void>;
  /** Newest first. */
  listNotifications(query: { userId: string; cursor?: string; limit: number }): Promise<NotificationPage>;
  countUnread(userId: string): Promise<number>;
  /** Marks the user's notifications read (the given ids, or all when ids is absent). */
  markRead(userId: string, ids: string[] | undefined, at: number): Promise<void>;
  /**
   * In one atomic step adds each delta (may be negative) to the user's credits of that template id, each
   * never below 0; returns the user's credits afterwards (positive counts only; {} for an unknown user).
   */
  addSubscribeCredits(userId: string, deltas: SubscribeCredits): Promise<SubscribeCredits>;
  /** Which of these dedupe keys are stored already (the reminder job skips them without writing). */
  storedDedupeKeys(keys: readonly string[]): Promise<Set<string>>;

  // --- photo checks (issue 7) ---------------------------------------------
  /** Remembers each started image check (a trace id seen again replaces its record). */
  addPhotoChecks(checks: PhotoCheckRecord[]): Promise<void>;
  getPhotoCheck(traceId: string): Promise<PhotoCheckRecord | null>;
  /**
   * Flags a post for a supervisor's review and, when `hidePhoto` is given, also hides that photo (kept, not
   * deleted); doing it again changes nothing. False, writing nothing, when there is no such post or the post
   * has no such photo. Standings do not change, so the data version does not either.
   */
  flagPost(postId: string, hidePhoto?: string): Promise<boolean>;
}

/** Password hashing: scrypt on the self-hosted server; the cloud has no passwords (OPENID is the identity). */
export interface Passwords {
  hash(password: string): Promise<string>;
  verify(password: string, hash: string): Promise<boolean>;
}

/** An outbound reminder on an external channel; the in-app list is the store itself. */
export interface OutboundMessage {
  user: UserRecord;
  notification: NotificationRecord;
}

/**
 * One external channel: WeChat subscription messages, a group-robot webhook.
 * `not_subscribed` tells the caller to stop using this channel for the user (e.g. 43101 on WeChat).
 */
export interface Notifier {
  readonly channel: string;
  /**
   * For a channel whose messages each spend one consent (WeChat one-time subscriptions): the template a
   * message of this kind goes out with, or null when none is set. The reminder job skips the channel for
   * a user with no credit of that template, takes one per 'sent', and drops them on 'not_subscribed'.
   */
  creditTemplate?(kind: NotificationKind): string | null;
  send(message: OutboundMessage): Promise<'sent' | 'skipped' | 'not_subscribed' | 'failed'>;
}

/** Screens text that others will read (msgSecCheck on WeChat, a local word list self-hosted). */
export interface ContentGuard {
  check(text: string, who: { userId: string; openid?: string }): Promise<{ verdict: 'pass' | 'review' | 'risky'; label?: string }>;
}

/** Who may post a photo (issue 7): only one this deployment stored for that very user. */
export interface PhotoRefs {
  /** True when `ref` names a photo this deployment stored for `who` (an upload of theirs, here). */
  owns(ref: string, who: { userId: string; openid?: string }): Promise<boolean>;
}

/** An image check that answers later (mediaCheckAsync on WeChat); the verdict comes back by trace id. */
export interface PhotoGuard {
  /** Starts a check of each photo; a photo whose check could not start is left out of the answer. */
  submit(photos: string[], who: { userId: string; openid?: string }): Promise<Array<{ photo: string; traceId: string }>>;
}

/** Where photos live: a post keeps file ids; readers get URLs they can load. */
export interface Files {
  urls(fileIds: string[]): Promise<Map<string, string>>;
}

/** Everything the use cases need, passed in by the host. */
export interface Deps {
  store: Store;
  clock: Clock;
  /**
   * Elapsed time for rate limits; defaults to `clock`. A host whose clock is fixed (ARENA_NOW) passes
   * real time here, or a window would never move on.
   */
  timer?: Clock;
  ids: Ids;
  settings: Settings;
  /** Structured log sink (errors the router caught, with the action); silent when absent. */
  log?: (entry: Record<string, unknown>) => void;
  /** Self-hosted accounts; absent on WeChat (auth.login / auth.join then answer FORBIDDEN). */
  passwords?: Passwords;
  /** External reminder channels, tried in order after the in-app list. */
  notifiers?: Notifier[];
  /** Absent: every text passes. */
  guard?: ContentGuard;
  /** Absent: photo ids are shown as they are (self-hosted URLs). */
  files?: Files;
  /** Absent: no photo is accepted in a post. */
  photoRefs?: PhotoRefs;
  /** Absent: photos are not checked (the self-hosted server has no image check). */
  photoGuard?: PhotoGuard;
}

export interface Settings {
  /** Demo login and the demo users are offered only when true. */
  demo: boolean;
  /** Requests a minute one user may make (at least 120). */
  rateLimitPerMinute: number;
  /** Session lifetime in milliseconds. */
  sessionTtlMs: number;
}
