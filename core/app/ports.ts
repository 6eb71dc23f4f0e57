/**
 * The ports: what the use cases need from the outside world, as plain types. The Store is split by area
 * (./store.ts, each slice in its area's `store.ts`, re-exported here); the other ports are below.
 * An adapter is `export const x: Port = …` or a factory returning one, so the compiler checks it.
 */
import type { NotificationKind } from '../contract';
import type { NotificationRecord } from './notifications/store';
import type { UserRecord } from './people/store';
import type { Store } from './store';

export type * from './store';
export type * from './campaigns/store';
export type * from './people/store';
export type * from './posts/store';
export type * from './standings/store';
export type * from './notifications/store';

/** "Now" comes from here, never from Date.now(), so tests and the demo can fix it. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/** Ids and secrets come from here: core/ has no crypto of its own. */
export interface Ids {
  /** A unique, URL-safe id. */
  newId(): string;
  /** An unguessable session token (256 random bits). */
  newToken(): string;
  /**
   * What a session is stored under: a one-way hash of its token (SHA-256), so that a copy of the
   * database holds no token anyone could sign in with. The same token always gives the same hash.
   */
  hashToken(token: string): string;
  /** `length` characters drawn uniformly at random from `alphabet` (invite codes). */
  newCode(length: number, alphabet: string): string;
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

/**
 * A sheet of a workbook as plain data — a title row, a subtitle (date, version), the header and the rows,
 * notes below — in the layout a government office pastes into a report; the adapter writes the file.
 */
export interface SheetSpec {
  /** The tab's name (at most 31 characters, none of \ / ? * [ ] :). */
  name: string;
  title: string;
  subtitle: string;
  header: string[];
  rows: Array<Array<string | number | null>>;
  /** Column widths in characters, by column. */
  widths?: number[];
  /** Per column, an Excel number format for its numbers (e.g. '0.00', '0.0%'). */
  formats?: Array<string | null>;
  /** Lines under the table (the note, who was left out of a ranking and why). */
  notes?: string[];
}

/** Writes workbooks (an .xlsx file's bytes). */
export interface Workbooks {
  xlsx(sheets: readonly SheetSpec[]): Promise<Uint8Array>;
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
  /** Absent: exports are refused (every host wires one). */
  workbooks?: Workbooks;
}

export interface Settings {
  /** Demo login and the demo users are offered only when true. */
  demo: boolean;
  /** Requests a minute one user may make (at least 120). */
  rateLimitPerMinute: number;
  /** Session lifetime in milliseconds. */
  sessionTtlMs: number;
}
