/**
 * The schema version of the CloudBase documents, and the one read path for the versioned ones. SQLite
 * upgrades its file by migrations before it opens; the cloud database has no such moment, so each
 * document carries its version in `_v` and every read goes through `upgraded`: an older document is
 * brought up to this version in memory, the current one is taken as it is, and one written by a newer
 * program is refused rather than guessed at. `upgradeDocuments` (./setup.ts) rewrites old documents for
 * good; until it has run, the store still works.
 *
 * Version 1: documents written before cities (no `_v`). Version 2: cities; campaigns, users, invites and
 * notifications name their city (./collections.ts lists the shapes). Collections added since (tasks,
 * problems, reviews, likes, comments and post reactions: ./task-docs.ts) changed no existing shape, so
 * they start at version 2; a target's optional `monthly` months (for the monthly 通报) are one more field
 * of its record, not a new shape.
 */
import { DEFAULT_CITY } from '../../core/app/campaigns/store';
import { collections as C } from './collections';
import { readAll, readDoc } from './reads';
import type { WxCommand, WxCommands, WxData, WxDatabase, WxDocRef } from './wx-types';

/** The version every write of a versioned document sets. */
export const SCHEMA_VERSION = 2;

/** The collections whose documents carry `_v`. */
export const versionedCollections = [C.cities, C.campaigns, C.users, C.invites, C.notifications] as const;
export type Versioned = (typeof versionedCollections)[number];

/** The `code` of the error thrown for a document written by a newer program. */
export const SCHEMA_TOO_NEW = 'SCHEMA_TOO_NEW';
/** The `code` of the error thrown for a document whose version cannot be read at all. */
export const SCHEMA_UNKNOWN = 'SCHEMA_UNKNOWN';

const where = (collection: string, doc: WxData) => `${collection}/${String(doc._id)}`;

export function tooNew(collection: string, doc: WxData, version: number): Error {
  return Object.assign(
    new Error(
      `数据由更新版本的程序写入（${where(collection, doc)} 为第 ${version} 版，本程序只认识到第 ${SCHEMA_VERSION} 版），请先部署新版本的云函数`,
    ),
    { code: SCHEMA_TOO_NEW },
  );
}

function unreadable(collection: string, doc: WxData, why: string): Error {
  return Object.assign(new Error(`数据版本无法识别（${where(collection, doc)}：${why}），请检查这条数据`), {
    code: SCHEMA_UNKNOWN,
  });
}

/** A document's schema version: 1 when it has no `_v` (written before versions existed). */
export function versionOf(collection: string, doc: WxData): number {
  const v = doc._v;
  if (v === undefined || v === null) return 1;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1) return v;
  throw unreadable(collection, doc, `_v 为 ${JSON.stringify(v)}`);
}

const recordOf = (doc: WxData): WxData => (doc.record ?? {}) as WxData;
const city = DEFAULT_CITY.id;

/** Version 1 → 2: everything written before cities belongs to the default city. */
const fromV1: Record<Versioned, (doc: WxData) => WxData> = {
  campaigns: (doc) => ({ ...doc, _v: 2, cityId: city }),
  users: (doc) => ({ ...doc, _v: 2, cityId: city, record: { ...recordOf(doc), cityId: city } }),
  invites: (doc) => ({ ...doc, _v: 2, record: { ...recordOf(doc), cityId: city } }),
  notifications: (doc) => ({
    ...doc,
    _v: 2,
    // Before cities a notification named no campaign: null says "about no campaign", never a guess.
    record: { ...recordOf(doc), cityId: city, campaignId: null },
  }),
  cities: (doc) => {
    // Cities came with version 2: one without `_v` was not written by this store.
    throw unreadable(C.cities, doc, '城市数据缺少 _v');
  },
};

/**
 * The document as this version reads it: upgraded in memory when older, as it is when current; throws
 * (SCHEMA_TOO_NEW) when a newer program wrote it, since its shape cannot be known here.
 */
export function upgraded(collection: Versioned, doc: WxData): WxData {
  const version = versionOf(collection, doc);
  if (version === SCHEMA_VERSION) return doc;
  if (version > SCHEMA_VERSION) throw tooNew(collection, doc, version);
  return fromV1[collection](doc);
}

/** The fields of a versioned document as written now: every write of one sets `_v`. */
export const stamped = (fields: WxData): WxData => ({ ...fields, _v: SCHEMA_VERSION });

/** One versioned document, read and upgraded; null when missing. Works inside a transaction. */
export async function readVersioned(collection: Versioned, ref: WxDocRef): Promise<WxData | null> {
  const doc = await readDoc(ref);
  return doc ? upgraded(collection, doc) : null;
}

/** Every matching versioned document (./reads.ts `readAll`), upgraded. */
export async function readAllVersioned(
  db: WxDatabase,
  collection: Versioned,
  match: Record<string, unknown>,
): Promise<WxData[]> {
  return (await readAll(db, collection, match)).map((doc) => upgraded(collection, doc));
}

/**
 * `_.exists(false)`: the field is absent. The SDK's command has `exists`; ./wx-types.ts declares only
 * the commands the store used before, so it is reached through a wider type here.
 */
export const absent = (db: WxDatabase): WxCommand =>
  (db.command as WxCommands & { exists(present: boolean): WxCommand }).exists(false);

/**
 * One city's documents of a collection that has `cityId` as a query field (users, campaigns), upgraded.
 * Version-1 documents lack the field and all belong to the default city, so for that city a second
 * query finds them by its absence: both queries use the `cityId` index, the second finds nothing once
 * `upgradeDocuments` has run, and other cities never pay for it. (Reading a whole collection and
 * filtering in memory would cost every city a read of every city's users.)
 */
export async function readCity(
  db: WxDatabase,
  collection: typeof C.users | typeof C.campaigns,
  cityId: string,
  match: Record<string, unknown> = {},
): Promise<WxData[]> {
  const docs = await readAll(db, collection, { ...match, cityId });
  if (cityId === DEFAULT_CITY.id)
    docs.push(...(await readAll(db, collection, { ...match, cityId: absent(db) })));
  // Filtered again after the upgrade: a document is the city's by its record, whatever the query matched.
  return docs.map((doc) => upgraded(collection, doc)).filter((doc) => doc.cityId === cityId);
}
