/**
 * False on a component's first render, true once that render has been painted: lets a page put up the top
 * of a long list first and the rest in the next frame, so the first screen is not held up by cards below it.
 */
import { useEffect, useState } from 'react';

/** The next frame where the platform has one (the browser), else a short timer (WeChat's logic layer). */
const nextFrame = (run: () => void): (() => void) => {
  if (typeof requestAnimationFrame === 'function') {
    const id = requestAnimationFrame(run);
    return () => cancelAnimationFrame(id);
  }
  const id = setTimeout(run, 16);
  return () => clearTimeout(id);
};

export function usePainted(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The frame's callbacks run before it is painted; the task after them runs once it is.
    const cancel = nextFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancel();
      clearTimeout(timer);
    };
  }, []);
  return painted;
}
