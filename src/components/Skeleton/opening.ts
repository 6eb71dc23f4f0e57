/** Fallback for tools that do not resolve Taro's platform suffixes (tsc, jest): the browser version. */
export { SHELL_AFTER_MS, showShellWhileOpening } from './opening.h5';
