/**
 * @jest-environment node
 *
 * The canvas-2d adapter on a fake WeChat canvas node (tests/weapp/fake-canvas.ts): ECharts draws the real
 * trend through it at the device pixel ratio — a blank or unscaled chart fails — measures text on the
 * node's own context, and a finger's start, move and end reach zrender as mouse events where it touched.
 * Node, not jsdom: WeChat has no DOM, and `wx` is there before ECharts loads, as on the phone.
 */
import { createCanvasNode, type FakeCanvas, type Op } from '../../../../../tests/weapp/fake-canvas';
import type { TrendPoint } from './Chart.types';

type Adapter = typeof import('./weappCanvas');
type Options = typeof import('./trendOption');

const CSS = { width: 320, height: 200 };
const DPR = 3;
const points: TrendPoint[] = Array.from({ length: 12 }, (_, i) => ({
  day: `2025-10-${String(i + 1).padStart(2, '0')}`,
  completion: 0.05 * i,
  timeProgress: 0.04 * (i + 1),
}));

let adapter: Adapter;
let trendOption: Options['trendOption'];
let canvas: FakeCanvas;
let chart: ReturnType<Adapter['initOnCanvas']>;

beforeAll(async () => {
  // zrender decides at load whether it runs in a mini-program (no DOM, touch events).
  Object.assign(globalThis, { wx: { getSystemInfoSync: () => ({ pixelRatio: DPR }) } });
  adapter = await import('./weappCanvas');
  ({ trendOption } = await import('./trendOption'));
});

beforeEach(() => {
  canvas = createCanvasNode(CSS.width, CSS.height);
  chart = adapter.initOnCanvas(canvas.node, CSS.width, CSS.height, DPR);
  chart.setOption(trendOption(points));
  chart.getZr().flush();
});

afterEach(() => chart.dispose());

const ops = (name: string): Op[] => canvas.recording.ops.filter((o) => o.op === name);
const strokeOf = (color: string) => ops('stroke').filter((o) => o.style?.strokeStyle === color);

/** The device-pixel points of the path stroked last before the stroke at `index`. */
function pathBefore(stroke: Op): [number, number][] {
  const all = canvas.recording.ops;
  const end = all.indexOf(stroke);
  const begin = all
    .slice(0, end)
    .map((o) => o.op)
    .lastIndexOf('beginPath');
  return all
    .slice(begin, end)
    .flatMap((o) => (o.op === 'moveTo' || o.op === 'lineTo' ? (o.points ?? []) : []));
}

describe('the trend on a WeChat canvas 2d', () => {
  it('sizes the backing store by the device pixel ratio', () => {
    expect({ width: canvas.node.width, height: canvas.node.height }).toEqual({
      width: CSS.width * DPR,
      height: CSS.height * DPR,
    });
  });

  it('draws both lines, scaled to device pixels: completion solid, 序时 dashed', () => {
    const [completion] = strokeOf('#1f56c8').filter((o) => o.style?.lineWidth === 3);
    const [pace] = strokeOf('#545454').filter((o) => (o.style?.dash.length ?? 0) > 0);
    expect(completion).toBeDefined();
    expect(pace).toBeDefined();
    for (const line of [completion!, pace!]) {
      const path = pathBefore(line);
      expect(path.length).toBeGreaterThanOrEqual(points.length);
      const xs = path.map(([x]) => x);
      const ys = path.map(([, y]) => y);
      // The grid spans 48…(320-16) CSS px: three times that on the device, and inside the node.
      expect(Math.min(...xs)).toBeCloseTo(48 * DPR, -1);
      expect(Math.max(...xs)).toBeCloseTo((CSS.width - 16) * DPR, -1);
      expect(Math.max(...ys)).toBeLessThanOrEqual(CSS.height * DPR);
      expect(Math.min(...ys)).toBeGreaterThanOrEqual(0);
    }
    // Completion rises through the days: on a canvas, up is a smaller y.
    const ys = pathBefore(completion!).map(([, y]) => y);
    expect(ys[ys.length - 1]).toBeLessThan(ys[0]!);
  });

  it('draws the target, completion 100 %, as a dotted line across the grid at its top, labelled 目标', () => {
    // The data stay under 60 %, so the axis ends at 100 %: the grid's top, 40 CSS px down.
    const [target] = strokeOf('#136e32').filter((o) => (o.style?.dash.length ?? 0) > 0);
    expect(target).toBeDefined();
    const path = pathBefore(target!);
    const xs = path.map(([x]) => x);
    expect(Math.min(...xs)).toBeCloseTo(48 * DPR, -1);
    expect(Math.max(...xs)).toBeCloseTo((CSS.width - 16) * DPR, -1);
    for (const [, y] of path) expect(y).toBeCloseTo(40 * DPR, -1);
    expect(ops('fillText').some((o) => o.args[0] === '目标 100%')).toBe(true);
  });

  it('writes the legend and the axis labels, measured on the node’s own context', async () => {
    const texts = ops('fillText').map((o) => String(o.args[0]));
    expect(texts).toEqual(expect.arrayContaining(['完成率', '序时进度', '10-01']));
    expect(texts.some((t) => /^\d+%$/.test(t))).toBe(true);
    // zrender caches widths per font, so measure in a font no chart used: the newest chart's context answers.
    const { echarts } = await import('./echarts');
    expect(echarts.format.getTextRect('比学赶超', '13px serif').width).toBeCloseTo(4 * 13 * 0.6);
    expect(ops('measureText').length).toBeGreaterThan(0);
  });

  it('turns a finger’s start, move and end into zrender’s mouse events at the touched point', () => {
    const seen: string[] = [];
    const zr = chart.getZr();
    for (const type of ['mousedown', 'mousemove', 'mouseup', 'click'] as const) {
      zr.on(
        type,
        (e: { offsetX: number; offsetY: number }) => void seen.push(`${type} ${e.offsetX},${e.offsetY}`),
      );
    }
    // A drag: the tooltip follows the finger, and lifting it is no click.
    adapter.forwardTouch(chart, 'start', { x: 120, y: 90 });
    adapter.forwardTouch(chart, 'move', { x: 150, y: 95 });
    adapter.forwardTouch(chart, 'end', { x: 160, y: 96 });
    expect(seen.splice(0)).toEqual([
      'mousedown 120,90',
      'mousemove 120,90',
      'mousemove 150,95',
      'mouseup 160,96',
    ]);
    // A tap, from an older base library whose touches carry only clientX/clientY: a click where it was.
    adapter.forwardTouch(chart, 'start', { clientX: 200, clientY: 100 });
    adapter.forwardTouch(chart, 'end', { clientX: 201, clientY: 100 });
    expect(seen).toEqual(['mousedown 200,100', 'mousemove 200,100', 'mouseup 201,100', 'click 201,100']);
    // No chart yet, or no finger in the event: nothing happens.
    expect(() => adapter.forwardTouch(null, 'start', { x: 1, y: 1 })).not.toThrow();
    expect(() => adapter.forwardTouch(chart, 'end', undefined)).not.toThrow();
  });

  it('shows the axis tooltip where the finger is', () => {
    const before = canvas.recording.ops.length;
    adapter.forwardTouch(chart, 'start', { x: 180, y: 100 });
    chart.getZr().flush();
    const after = canvas.recording.ops.slice(before);
    const texts = after.filter((o) => o.op === 'fillText').map((o) => String(o.args[0]));
    expect(texts.join(' ')).toMatch(/\d+\.\d%/);
  });
});
