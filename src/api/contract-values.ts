/**
 * What the API client needs of the contract at run time: the schemas of every action and of an error.
 * Its own module so that the browser can load it (zod with it, about 115 KB) apart from the app, when the
 * first request is made rather than before the first screen (./contract.h5.ts).
 */
// First: the schemas below are built without eval.
import './zod-config';

export { ApiError, actions } from '../../core/contract';
