/** Fallback for tools that do not resolve Taro's platform suffixes (tsc, jest): the browser's 分享. */
export { default } from './ShareImage.h5';
