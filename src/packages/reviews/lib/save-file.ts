/** Fallback for tools that do not resolve Taro's platform suffixes (tsc, jest): the browser version. */
export { fileSaver } from './save-file.h5';
