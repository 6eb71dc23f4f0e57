/** Fallback for tools that do not resolve Taro's platform suffixes (tsc, jest): the browser bars. */
export { default } from './ScoreBars.h5';
