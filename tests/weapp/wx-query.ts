/**
 * wx.createSelectorQuery over the current page's data tree: `#id` finds the node Taro rendered with that
 * id; a `<canvas type="2d">` answers `fields({node: true})` with a recording canvas node, so a chart
 * drawn in the simulated app can be inspected.
 */
type Fields = { id?: boolean; dataset?: boolean; node?: boolean; size?: boolean; rect?: boolean };
type Callback = (res: unknown) => void;
/** Runs fn after the current task, as the view layer's reply comes. */
type Later = (fn: () => void) => void;

export interface QueryScope {
  /** The tag of the node with this id on the current page, or null. */
  tagOf(id: string): string | null;
  /** The canvas node behind this id and its size in CSS pixels (one node per id). */
  canvas(id: string): { node: unknown; width: number; height: number };
}

function measure(scope: QueryScope, selector: string, fields: Fields): unknown {
  if (!selector.startsWith('#'))
    throw new Error(`simulated SelectorQuery knows only #id selectors, got "${selector}"`);
  const id = selector.slice(1);
  const tag = scope.tagOf(id);
  if (tag === null) return null;
  const box = tag === 'canvas' ? scope.canvas(id) : { node: null, width: 0, height: 0 };
  return {
    ...(fields.id ? { id } : {}),
    ...(fields.dataset ? { dataset: {} } : {}),
    ...(fields.node && tag === 'canvas' ? { node: box.node } : {}),
    ...(fields.size || fields.rect ? { width: box.width, height: box.height } : {}),
    ...(fields.rect ? { left: 0, top: 0, right: box.width, bottom: box.height } : {}),
  };
}

export function createSelectorQuery(scope: QueryScope, later: Later) {
  const requests: { selector: string; fields: Fields; cb?: Callback }[] = [];
  const query = {
    in: () => query,
    select(selector: string) {
      const add = (fields: Fields, cb?: Callback) => {
        requests.push({ selector, fields, ...(cb ? { cb } : {}) });
        return query;
      };
      return {
        fields: add,
        boundingClientRect: (cb?: Callback) => add({ id: true, dataset: true, rect: true, size: true }, cb),
        node: (cb?: Callback) => add({ node: true }, cb),
      };
    },
    exec(cb?: Callback) {
      const taken = requests.splice(0);
      // Node objects cross as they are: they are WeChat's own, not data.
      later(() => {
        const results = taken.map((r) => measure(scope, r.selector, r.fields));
        taken.forEach((r, i) => r.cb?.(results[i]));
        cb?.(results);
      });
      return query;
    },
  };
  return query;
}
