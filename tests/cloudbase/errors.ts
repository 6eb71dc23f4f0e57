/**
 * What the database server answers when it refuses a request: `{ code, message, requestId }` with HTTP
 * 200, which @cloudbase/database hands back as data and wx-server-sdk turns into an Error with a numeric
 * `errCode` (its table knows DATABASE_COLLECTION_NOT_EXIST, -502005; any other code becomes -501001) and
 * the message in `errMsg` — except a conflict at commit, which the SDK rethrows as this very object.
 * The codes are the ones the SDKs name; the messages follow the server's "[Category.Reason] text" style.
 */
export interface ServerError {
  code: string;
  message: string;
}

export const isServerError = (v: unknown): v is ServerError =>
  typeof v === 'object' && v !== null && typeof (v as { code?: unknown }).code === 'string';

export const collectionMissing = (name: string): ServerError => ({
  code: 'DATABASE_COLLECTION_NOT_EXIST',
  message: `[ResourceNotFound] Db or Table not exist: ${name}. Please check your request, but if the problem persists, contact us.`,
});

export const collectionExists = (name: string): ServerError => ({
  code: 'DATABASE_COLLECTION_ALREADY_EXIST',
  message: `[ResourceInUse] Table exist: ${name}.`,
});

export const conflict = (): ServerError => ({
  code: 'DATABASE_TRANSACTION_CONFLICT',
  message:
    '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.',
});

/** The server is MongoDB underneath: a second document with one `_id` is refused by the `_id_` index. */
export const duplicateId = (collection: string, id: unknown): ServerError => ({
  code: 'DATABASE_REQUEST_FAILED',
  message: `[FailedOperation] E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: ${JSON.stringify(id)} }`,
});

export const transactionGone = (id: string): ServerError => ({
  code: 'DATABASE_REQUEST_FAILED',
  message: `[FailedOperation.TransactionNotExist] Transaction ${id} not exist or has been committed or aborted.`,
});

export const invalid = (what: string): ServerError => ({
  code: 'INVALID_PARAM',
  message: `[InvalidParameter] ${what}`,
});
