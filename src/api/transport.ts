/** Fallback for tools that do not resolve Taro's platform suffixes (tsc, jest): the browser transport. */
export { transport } from './transport.h5';
