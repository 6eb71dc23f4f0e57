/** Fallback for tools that do not resolve Taro's platform suffixes (tsc, jest): the browser version. */
export { printer } from './print.h5';
