/** The in-memory Store: for tests and quick local runs; nothing survives the process. */
export { createMemoryStore } from './store';
