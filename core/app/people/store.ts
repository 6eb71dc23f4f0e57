/**
 * The people slice of the Store: users (an OPENID and an account each name at most one user), sessions
 * and invite codes. Redeeming a code is the one write here that must be all-or-nothing, and the store
 * does it in one step: of two redeemers of one code, exactly one wins.
 */
import type { Role } from '../../contract';
import type { SubscribeCredits } from '../notifications/store';

export interface UserRecord {
  id: string;
  name: string;
  role: Role;
  /** The city the user belongs to: they read and write its campaigns only. */
  cityId: string;
  /** A unit of the user's city (reporters and unit leaders); null for the others. */
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
   * of that template); only positive counts; absent when none: in-app only. See ../notifications/credits.ts.
   */
  subscribeCredits?: SubscribeCredits;
}

/**
 * A session names its user only: the user names the city. It is kept under the hash of its bearer token
 * (Ids.hashToken, taken in core before any store call): a store never sees a token.
 */
export interface SessionRecord {
  tokenHash: string;
  userId: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

export interface InviteRecord {
  code: string;
  /** The city whose user the code makes. */
  cityId: string;
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

export interface PeopleStore {
  /** Inserts or replaces a user; refuses an OPENID or account that another user holds. */
  putUser(user: UserRecord): Promise<void>;
  getUser(userId: string): Promise<UserRecord | null>;
  getUserByOpenid(openid: string): Promise<UserRecord | null>;
  getUserByAccount(account: string): Promise<UserRecord | null>;
  /** Users, optionally only the demo ones (or only the others) and only one city's. */
  listUsers(filter?: { demo?: boolean; cityId?: string }): Promise<UserRecord[]>;

  putSession(session: SessionRecord): Promise<void>;
  getSession(tokenHash: string): Promise<SessionRecord | null>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Every session of a user, expired ones included, in no particular order. */
  listUserSessions(userId: string): Promise<SessionRecord[]>;
  /** Revokes every session of a user (sign-out everywhere, a removed user). */
  deleteUserSessions(userId: string): Promise<void>;

  createInvite(invite: InviteRecord): Promise<void>;
  /** The code as stored, used or expired ones included; null when unknown. Changes nothing. */
  getInvite(code: string): Promise<InviteRecord | null>;
  /**
   * Atomically redeems a code: when it exists, is unused and `at < expiresAt`, marks it used by `userId`
   * and returns it; otherwise returns null and changes nothing (so two redeemers never both win).
   */
  redeemInvite(code: string, userId: string, at: number): Promise<InviteRecord | null>;
}
