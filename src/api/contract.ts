/**
 * The contract's schemas for the API client. WeChat (and tsc, jest): bundled with the app, as it is
 * (the mini-program loads its main package at once anyway). The browser: ./contract.h5.ts.
 */
import * as contract from './contract-values';
import type { ContractValues } from './contract.types';

export const loadContract = (): Promise<ContractValues> => Promise.resolve(contract);
