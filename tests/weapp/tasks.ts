/**
 * The mini-program's timers and WeChat's own pending work, counted so a test can wait until the app is
 * idle: nothing in flight, no timer about to fire. Timer ids are numbers as in WeChat, every timer is
 * cleared at the end, and an exception thrown by the app inside a callback is kept, not lost.
 */
type Fn = (...args: unknown[]) => void;

export interface Tasks {
  setTimeout(fn: Fn, ms?: number, ...args: unknown[]): number;
  clearTimeout(id?: number): void;
  setInterval(fn: Fn, ms?: number, ...args: unknown[]): number;
  clearInterval(id?: number): void;
  /** Runs app code on WeChat's behalf, keeping what it throws. */
  guard(where: string, fn: () => void): void;
  /** Counts WeChat-side work (an API answering later) until it settles. */
  track<T>(work: Promise<T>): Promise<T>;
  /** True when nothing is in flight and no timer fires within `horizonMs`. */
  quiet(horizonMs: number): boolean;
  errors: { where: string; error: unknown }[];
  /** Clears every timer: the host process must not keep running the app after a test. */
  dispose(): void;
}

export function createTasks(): Tasks {
  let next = 1;
  const timers = new Map<number, { handle: NodeJS.Timeout; due: number; repeat: boolean }>();
  let inFlight = 0;
  const errors: Tasks['errors'] = [];

  const guard = (where: string, fn: () => void): void => {
    try {
      fn();
    } catch (error) {
      errors.push({ where, error });
    }
  };

  function start(fn: Fn, ms: number | undefined, args: unknown[], repeat: boolean): number {
    const id = next++;
    const delay = Math.max(0, Number(ms) || 0);
    const run = () => {
      const t = timers.get(id);
      if (!t) return;
      if (repeat) t.due = Date.now() + delay;
      else timers.delete(id);
      guard(repeat ? 'setInterval' : 'setTimeout', () => fn(...args));
    };
    const handle = repeat ? setInterval(run, delay) : setTimeout(run, delay);
    timers.set(id, { handle, due: Date.now() + delay, repeat });
    return id;
  }

  function stop(id?: number): void {
    const t = id === undefined ? undefined : timers.get(id);
    if (!t) return;
    if (t.repeat) clearInterval(t.handle);
    else clearTimeout(t.handle);
    timers.delete(id!);
  }

  return {
    setTimeout: (fn, ms, ...args) => start(fn, ms, args, false),
    clearTimeout: stop,
    setInterval: (fn, ms, ...args) => start(fn, ms, args, true),
    clearInterval: stop,
    guard,
    track(work) {
      inFlight += 1;
      return work.finally(() => {
        inFlight -= 1;
      });
    },
    quiet(horizonMs) {
      if (inFlight > 0) return false;
      const soon = Date.now() + horizonMs;
      for (const t of timers.values()) if (!t.repeat && t.due <= soon) return false;
      return true;
    },
    errors,
    dispose() {
      for (const id of [...timers.keys()]) stop(id);
    },
  };
}
