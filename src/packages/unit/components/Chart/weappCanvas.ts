/**
 * What ECharts needs from a WeChat `<canvas type="2d">` (the way echarts-for-weixin's ec-canvas does it,
 * written here for our one chart): a canvas-like object over the node, a way to measure text without a
 * DOM, and touches turned into the mouse events zrender listens for.
 */
import { echarts } from './echarts';

/** The canvas node from a SelectorQuery `fields({node: true})`. */
export interface CanvasNode {
  width: number;
  height: number;
  getContext(type: '2d'): CanvasRenderingContext2D;
}

/** A stand-in for an HTMLCanvasElement: zrender treats an object without nodeName as its one canvas. */
function canvasLike(node: CanvasNode) {
  const noop = () => undefined;
  return {
    getContext: (type: string) => (type === '2d' ? node.getContext('2d') : null),
    get width() {
      return node.width;
    },
    set width(v: number) {
      node.width = v;
    },
    get height() {
      return node.height;
    },
    set height(v: number) {
      node.height = v;
    },
    addEventListener: noop,
    removeEventListener: noop,
    attachEvent: noop,
    detachEvent: noop,
  };
}

/** The context text is measured on: the latest chart's own (zrender asks one global measurer). */
let measuring: CanvasRenderingContext2D | null = null;

/**
 * Taro gives modules a fake `document`, so ECharts would measure text on an element with no canvas; the
 * chart's own 2d context measures instead (no offscreen canvas, which needs base library 2.16.1).
 */
function measureTextOn(ctx: CanvasRenderingContext2D): void {
  const first = measuring === null;
  measuring = ctx;
  if (!first) return;
  echarts.setPlatformAPI({
    measureText: (text: string, font?: string) => {
      const m = measuring;
      if (!m) return { width: 0 };
      if (font) m.font = font;
      return m.measureText(text);
    },
  });
}

export function initOnCanvas(node: CanvasNode, width: number, height: number, dpr: number) {
  measureTextOn(node.getContext('2d'));
  // ECharts' types ask for an element; at run time it only uses what canvasLike provides.
  const dom = canvasLike(node) as unknown as HTMLElement;
  return echarts.init(dom, undefined, { renderer: 'canvas', width, height, devicePixelRatio: dpr });
}

type Chart = ReturnType<typeof initOnCanvas>;
export interface TouchPoint {
  x?: number;
  y?: number;
  clientX?: number;
  clientY?: number;
}

const zrEvent = (t: TouchPoint) => ({
  zrX: t.x ?? t.clientX ?? 0,
  zrY: t.y ?? t.clientY ?? 0,
  preventDefault: () => undefined,
  stopPropagation: () => undefined,
  stopImmediatePropagation: () => undefined,
});

/** A finger down shows the tooltip where it is; moving drags it; lifting ends as a click. */
export function forwardTouch(
  chart: Chart | null,
  phase: 'start' | 'move' | 'end',
  t: TouchPoint | undefined,
): void {
  if (!chart || !t) return;
  const handler = chart.getZr().handler;
  const e = zrEvent(t);
  if (phase === 'start') {
    handler.dispatch('mousedown', e);
    handler.dispatch('mousemove', e);
  } else if (phase === 'move') {
    handler.dispatch('mousemove', e);
  } else {
    handler.dispatch('mouseup', e);
    handler.dispatch('click', e);
  }
}
