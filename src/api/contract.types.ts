/** What ./contract.ts (bundled) and ./contract.h5.ts (a chunk of its own) both give the API client. */
import type * as values from './contract-values';

export type ContractValues = typeof values;
