/**
 * What a transport does: carry one `{action, data}` to the arena and bring back the raw envelope.
 * The shared client (call.ts) validates both sides; each platform only moves bytes.
 */
export interface TransportRequest {
  action: string;
  data: unknown;
  /** The session token on the self-hosted server; WeChat knows the caller by OPENID instead. */
  token: string | null;
}

/** Resolves with the parsed JSON body (an envelope, unchecked); rejects with ApiCallError('NETWORK') when nothing came back. */
export type Transport = (req: TransportRequest) => Promise<unknown>;
