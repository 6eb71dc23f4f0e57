/**
 * One page instance as WeChat makes it from the `Page()` config: its own copy of the methods and data,
 * `route` and `options`, and `setData`, which applies paths to the view's data tree and answers later.
 * The driver side reads that tree and fires events at its nodes the way the view layer does: through
 * the page's `eh` handler, with the node's id and `data-sid` as target (see base.wxml).
 */
import { applySetData, rootOf, textOf, walk, type Data, type TaroNode } from './data-tree';
import type { Config } from './sandbox';
import type { Tasks } from './tasks';

export interface Query {
  tag?: string;
  /** Contained in the node's text (string) or matching it (RegExp). */
  text?: string | RegExp;
  /** One of the node's classes. */
  className?: string;
  /** Search only below this node. */
  within?: TaroNode;
}

export interface PageContext {
  tasks: Tasks;
  toRealm: <T>(value: T) => T;
  tags: Map<string, string>;
  gesture: { tap: boolean };
  /** Milliseconds since launch, WeChat's event timeStamp. */
  clock: () => number;
}

let webviews = 0;

export function createPage(config: Config, route: string, query: Record<string, string>, ctx: PageContext) {
  const data: Data = JSON.parse(JSON.stringify(config.data ?? {})) as Data;
  const updates: { payload: Data; bytes: number }[] = [];
  const webviewId = ++webviews;

  const instance: Record<string, unknown> = {
    ...config,
    data,
    route,
    __route__: route,
    __wxWebviewId__: webviewId,
    __wxExparserNodeId__: `page-${webviewId}`,
    options: ctx.toRealm(query),
    setData(payload: Data, cb?: () => void) {
      // The bridge to the view carries JSON: functions and undefined do not cross.
      const json = JSON.stringify(payload);
      updates.push({ payload: JSON.parse(json) as Data, bytes: json.length });
      applySetData(data, JSON.parse(json) as Data);
      if (cb) ctx.tasks.setTimeout(cb, 0);
    },
  };

  /** Calls a lifecycle or handler of the page config with the instance as `this`, as WeChat does. */
  function run(method: string, ...args: unknown[]): void {
    const fn = instance[method];
    if (typeof fn === 'function') ctx.tasks.guard(`${route} ${method}`, () => void fn.apply(instance, args));
  }

  const tagOf = (n: TaroNode): string => ctx.tags.get(String(n.nn)) ?? String(n.nn);
  const classes = (n: TaroNode): string[] => (typeof n.cl === 'string' ? n.cl.split(/\s+/) : []);

  function matches(n: TaroNode, q: Query): boolean {
    if (q.tag !== undefined && tagOf(n) !== q.tag) return false;
    if (q.className !== undefined && !classes(n).includes(q.className)) return false;
    if (q.text !== undefined) {
      const t = textOf(n);
      if (typeof q.text === 'string' ? !t.includes(q.text) : !q.text.test(t)) return false;
    }
    return typeof n.sid === 'string' || typeof n.v === 'string';
  }

  function findAll(q: Query): TaroNode[] {
    return [...walk(q.within ?? rootOf(data))].filter((n) => n !== rootOf(data) && matches(n, q));
  }

  function find(q: Query): TaroNode {
    const all = findAll(q);
    // The innermost match is the element itself, not one of its ancestors.
    const inner = all.filter((n) => !all.some((m) => m !== n && [...walk(n)].includes(m)));
    const found = inner[0];
    if (!found)
      throw new Error(`${route}: no node like ${JSON.stringify(q)}; the page reads: ${textOf(rootOf(data))}`);
    return found;
  }

  function fire(node: TaroNode, type: string, detail: Record<string, unknown>): void {
    if (typeof node.sid !== 'string') throw new Error(`${route}: a text node has no events`);
    const target = { id: node.uid ?? node.sid, dataset: { sid: node.sid }, offsetLeft: 0, offsetTop: 0 };
    const event = ctx.toRealm({
      type,
      timeStamp: ctx.clock(),
      target,
      currentTarget: target,
      detail,
      touches: [],
      changedTouches: [],
      mark: {},
      mut: false,
    });
    // A tap is a user gesture for as long as its handler runs synchronously (requestSubscribeMessage).
    ctx.gesture.tap = type === 'tap';
    try {
      run('eh', event);
    } finally {
      ctx.gesture.tap = false;
    }
  }

  const nodeOf = (q: Query | TaroNode): TaroNode => ('nn' in q ? (q as TaroNode) : find(q as Query));

  return {
    route,
    instance,
    data,
    updates,
    run,
    root: () => rootOf(data),
    text: () => textOf(rootOf(data)),
    tagOf,
    find,
    findAll,
    /** A finger tap on the node (WeChat `tap`, React `onClick`). */
    tap: (q: Query | TaroNode) => fire(nodeOf(q), 'tap', { x: 10, y: 10 }),
    /** Typing into an input or textarea: one `input` event with the whole value. */
    input: (q: Query | TaroNode, value: string) => fire(nodeOf(q), 'input', { value, cursor: value.length }),
    fire: (q: Query | TaroNode, type: string, detail: Record<string, unknown>) =>
      fire(nodeOf(q), type, detail),
  };
}

export type PageHandle = ReturnType<typeof createPage>;
