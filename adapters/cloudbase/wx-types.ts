/**
 * The part of the wx-server-sdk database (`cloud.database()`) the CloudBase adapter uses, as structural
 * types that the real SDK's `db` fits. Nothing here loads the SDK.
 * Shapes follow the server SDK 4.x reference (Database, Collection, Query, Document, Aggregate, Transaction).
 */

/** A stored document as the SDK hands it back: plain JSON-like data with its `_id`. */
export type WxData = Record<string, unknown>;

/** What `db.command.*` builds: opaque to the adapter, interpreted by the database. */
export type WxCommand = object;

/** A `where()`/`match()` condition: fields to values or commands, or a top-level `_.and`/`_.or`. */
export type WxQuery = Record<string, unknown> | WxCommand;

export interface WxAggregateCommands {
  /** `$.first('$field')`: the field of the first document of each group (after a `sort`). */
  first(expression: string): WxCommand;
  last(expression: string): WxCommand;
  max(expression: string): WxCommand;
}

export interface WxCommands {
  eq(value: unknown): WxCommand;
  neq(value: unknown): WxCommand;
  gt(value: unknown): WxCommand;
  gte(value: unknown): WxCommand;
  lt(value: unknown): WxCommand;
  lte(value: unknown): WxCommand;
  in(values: unknown[]): WxCommand;
  nin(values: unknown[]): WxCommand;
  and(conditions: WxQuery[]): WxCommand;
  or(conditions: WxQuery[]): WxCommand;
  /** Update operator: adds to a number field atomically (creates it when missing). */
  inc(amount: number): WxCommand;
  aggregate: WxAggregateCommands;
}

export interface WxGetResult {
  data: WxData[];
  errMsg?: string;
}

/** A query: each call returns a new query; `get()` answers at most the server's cap (100 in functions). */
export interface WxQueryRef {
  where(query: WxQuery): WxQueryRef;
  orderBy(field: string, direction: 'asc' | 'desc'): WxQueryRef;
  skip(count: number): WxQueryRef;
  limit(count: number): WxQueryRef;
  field(projection: Record<string, boolean>): WxQueryRef;
  get(): Promise<WxGetResult>;
  count(): Promise<{ total: number; errMsg?: string }>;
}

/** A single-document reference: all a transaction may use. */
export interface WxDocRef {
  /** Rejects for a missing document unless the database was made with `throwOnNotFound: false`. */
  get(): Promise<{ data: WxData | null | undefined; errMsg?: string }>;
  /** Replaces the whole document (creates it when missing). */
  set(options: { data: WxData }): Promise<unknown>;
  /** Changes the given fields (nested objects are merged, commands such as `_.inc` applied). */
  update(options: { data: WxData }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<unknown>;
}

export interface WxAggregate {
  match(query: WxQuery): WxAggregate;
  sort(spec: Record<string, 1 | -1>): WxAggregate;
  group(spec: Record<string, unknown>): WxAggregate;
  skip(count: number): WxAggregate;
  /** Without it, an aggregate answers 20 results. */
  limit(count: number): WxAggregate;
  end(): Promise<{ list: WxData[]; errMsg?: string }>;
}

export interface WxCollection extends WxQueryRef {
  doc(id: string): WxDocRef;
  add(options: { data: WxData }): Promise<{ _id: string | number }>;
  aggregate(): WxAggregate;
}

/** Inside `runTransaction`: single-document operations only (no where, no aggregate). */
export interface WxTransactionCollection {
  doc(id: string): WxDocRef;
  add(options: { data: WxData }): Promise<{ _id: string | number }>;
}

export interface WxTransaction {
  collection(name: string): WxTransactionCollection;
  /** Ends the transaction without writing; `runTransaction` then rejects with `reason`. */
  rollback(reason?: unknown): Promise<unknown>;
}

export interface WxDatabase {
  command: WxCommands;
  collection(name: string): WxCollection;
  /**
   * Runs `fn` in a transaction and commits when it returns. The SDK runs `fn` again only for a conflict
   * at commit (`times` + 1 runs in all, 3 by default); a conflict at a write rejects at once. The store
   * replaces this with ./transaction.ts, which retries both.
   */
  runTransaction<T>(fn: (transaction: WxTransaction) => Promise<T>, times?: number): Promise<T>;
  createCollection(name: string): Promise<unknown>;
}
