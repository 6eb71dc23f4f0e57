// The requesters inside wx-server-sdk 4.0.2's @cloudbase/node-sdk 3.17 through which every call leaves the
// process; the emulation replaces their methods on the prototypes (shared by every way of importing them).
declare module '@cloudbase/node-sdk/dist/utils/tcbdbapirequester' {
  /** One database request: `database.getDocument`, `database.modifyDocument`, … */
  export type DbSend = (
    this: { config?: { env?: unknown } },
    api: string,
    data?: Record<string, unknown>,
    opts?: unknown,
  ) => Promise<unknown>;
  export const TcbDBApiHttpRequester: { prototype: { send: DbSend } };
}

declare module '@cloudbase/node-sdk/dist/utils/tcbapirequester' {
  export interface RequesterArgs {
    params: Record<string, unknown> & { action: string };
  }
  /** One request of the other services: `wx.openApi`, `storage.batchGetDownloadUrl`, … */
  export type Request = (this: { args: RequesterArgs; config?: { env?: unknown } }) => Promise<unknown>;
  export const TcbApiHttpRequester: { prototype: { request: Request } };
}

declare module '@cloudbase/node-sdk/dist/utils/tcbopenapirequester' {
  export const TcbOpenApiHttpRequester: { prototype: { request: () => Promise<unknown> } };
}

declare module '@cloudbase/node-sdk/dist/utils/tcbopenapicommonrequester' {
  export const TcbOpenApiHttpCommonRequester: { prototype: { request: () => Promise<unknown> } };
}
