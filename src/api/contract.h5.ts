/**
 * Browser: the contract's schemas (and zod) in a chunk of their own, loaded by the first request. The feed
 * can draw the cards kept from the last open (lib/kept-feed.ts) before any of it is parsed; index.html
 * preloads the chunk (config/index.ts), so the first request does not wait for a download either.
 */
import type { ContractValues } from './contract.types';

let loading: Promise<ContractValues> | null = null;

export function loadContract(): Promise<ContractValues> {
  loading ??= import(/* webpackChunkName: "contract" */ './contract-values');
  // A chunk that failed to come (offline) is asked for again by the next request.
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
