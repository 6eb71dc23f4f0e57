/**
 * What ECharts needs from a WeChat `<canvas type="2d">` (the way echarts-for-weixin's ec-canvas does it,
 * written here for our one chart): a canvas-like object over the node, a way to measure text without a
 * DOM, and touches turned into the mouse events zrender listens for.
 */
import Taro from '@tarojs/taro';
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

let platformSet = false;

/** Taro gives modules a fake `document`, so ECharts would measure text on an element with no canvas. */
function measureTextOffscreen(): void {
  if (platformSet) return;
  platformSet = true;
  echarts.setPlatformAPI({
    createCanvas: () =>
      Taro.createOffscreenCanvas({ type: '2d', width: 1, height: 1 }) as unknown as HTMLCanvasElement,
  });
}

export function initOnCanvas(node: CanvasNode, width: number, height: number, dpr: number) {
  measureTextOffscreen();
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
