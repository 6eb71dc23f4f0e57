/**
 * A counter bumped by every write this phone makes, so a page shown again (useDidShow)
 * knows whether what it holds is older than the last post.
 */
let version = 0;

export const bumpDataVersion = (): void => {
  version += 1;
};

export const dataVersion = (): number => version;
