// First: the contract's schemas are built without eval (./zod-config.ts).
import './zod-config';

/** Browser: nothing to set up before the first call, and the caller is known by a token (WeChat: platform.weapp.ts). */
export function initPlatform(): void {}

/** The browser is known by a session token, so a demo login can sign it in. */
export const signsInWithToken = true;
