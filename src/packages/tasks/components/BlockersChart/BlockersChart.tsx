/** Fallback for tools that do not resolve Taro's platform suffixes (tsc, jest): the browser chart. */
export { default } from './BlockersChart.h5';
