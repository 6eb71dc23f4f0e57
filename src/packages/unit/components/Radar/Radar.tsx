/** Fallback for tools that do not resolve Taro's platform suffixes (tsc, jest): the browser radar. */
export { default } from './Radar.h5';
