/**
 * A `<canvas type="2d">` node as WeChat's SelectorQuery returns it, with a 2d context that draws nothing
 * but records every call with its points in device pixels (the current transform applied), so a test can
 * tell a drawn chart from a blank one and check it was drawn at the device pixel ratio.
 */
type Matrix = [number, number, number, number, number, number];

export interface Op {
  op: string;
  args: unknown[];
  /** For path and text calls: the points in device pixels. */
  points?: [number, number][];
  /** For stroke/fill/fillText: the style in effect. */
  style?: { strokeStyle: unknown; fillStyle: unknown; lineWidth: number; dash: number[]; font: string };
}

const identity: Matrix = [1, 0, 0, 1, 0, 0];
const multiply = (m: Matrix, [a, b, c, d, e, f]: Matrix): Matrix => [
  m[0] * a + m[2] * b,
  m[1] * a + m[3] * b,
  m[0] * c + m[2] * d,
  m[1] * c + m[3] * d,
  m[0] * e + m[2] * f + m[4],
  m[1] * e + m[3] * f + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
];

/** Path calls whose numeric arguments come in (x, y) pairs. */
const pathOps: Record<string, number> = {
  moveTo: 2,
  lineTo: 2,
  bezierCurveTo: 6,
  quadraticCurveTo: 4,
  rect: 2,
  arc: 2,
  fillText: 3,
};

export function createRecording2d() {
  const ops: Op[] = [];
  let matrix: Matrix = identity;
  let dash: number[] = [];
  const saved: { matrix: Matrix; dash: number[]; props: Record<string, unknown> }[] = [];
  const props = {
    fillStyle: '#000' as unknown,
    strokeStyle: '#000' as unknown,
    lineWidth: 1,
    lineCap: 'butt',
    lineJoin: 'miter',
    miterLimit: 10,
    lineDashOffset: 0,
    font: '10px sans-serif',
    textAlign: 'start',
    textBaseline: 'alphabetic',
    globalAlpha: 1,
    globalCompositeOperation: 'source-over',
    shadowBlur: 0,
    shadowColor: 'rgba(0, 0, 0, 0)',
    shadowOffsetX: 0,
    shadowOffsetY: 0,
    imageSmoothingEnabled: true,
  };
  const style = () => ({
    strokeStyle: ctx.strokeStyle,
    fillStyle: ctx.fillStyle,
    lineWidth: ctx.lineWidth,
    dash: [...dash],
    font: ctx.font,
  });

  function log(op: string, args: unknown[]): void {
    const entry: Op = { op, args };
    const pairs = pathOps[op];
    if (pairs !== undefined) {
      const xy = op === 'fillText' ? (args.slice(1, 3) as number[]) : (args as number[]);
      const points: [number, number][] = [];
      for (let i = 0; i + 1 < (op === 'bezierCurveTo' || op === 'quadraticCurveTo' ? xy.length : 2); i += 2)
        points.push(apply(matrix, xy[i]!, xy[i + 1]!));
      entry.points = points;
    }
    if (op === 'stroke' || op === 'fill' || op === 'fillText' || op === 'fillRect') entry.style = style();
    ops.push(entry);
  }

  const record =
    (op: string, effect?: (...args: number[]) => void) =>
    (...args: unknown[]): void => {
      effect?.(...(args as number[]));
      log(op, args);
    };

  const gradient = () => ({ addColorStop: () => undefined });
  const fontPx = () => Number(/(\d+(?:\.\d+)?)px/.exec(ctx.font)?.[1] ?? 10);

  const ctx = {
    ...props,
    save: record('save', () => saved.push({ matrix, dash, props: { ...pick(ctx) } })),
    restore: record('restore', () => {
      const top = saved.pop();
      if (!top) return;
      matrix = top.matrix;
      dash = top.dash;
      Object.assign(ctx, top.props);
    }),
    scale: record('scale', (x, y) => void (matrix = multiply(matrix, [x!, 0, 0, y!, 0, 0]))),
    translate: record('translate', (x, y) => void (matrix = multiply(matrix, [1, 0, 0, 1, x!, y!]))),
    rotate: record(
      'rotate',
      (a) =>
        void (matrix = multiply(matrix, [Math.cos(a!), Math.sin(a!), -Math.sin(a!), Math.cos(a!), 0, 0])),
    ),
    transform: record(
      'transform',
      (a, b, c, d, e, f) => void (matrix = multiply(matrix, [a!, b!, c!, d!, e!, f!])),
    ),
    setTransform: record('setTransform', (a, b, c, d, e, f) => void (matrix = [a!, b!, c!, d!, e!, f!])),
    resetTransform: record('resetTransform', () => void (matrix = identity)),
    setLineDash: (segments: number[]) => {
      dash = [...segments];
      log('setLineDash', [segments]);
    },
    getLineDash: () => [...dash],
    beginPath: record('beginPath'),
    closePath: record('closePath'),
    moveTo: record('moveTo'),
    lineTo: record('lineTo'),
    bezierCurveTo: record('bezierCurveTo'),
    quadraticCurveTo: record('quadraticCurveTo'),
    arc: record('arc'),
    arcTo: record('arcTo'),
    ellipse: record('ellipse'),
    rect: record('rect'),
    fill: record('fill'),
    stroke: record('stroke'),
    clip: record('clip'),
    fillRect: record('fillRect'),
    strokeRect: record('strokeRect'),
    clearRect: record('clearRect'),
    fillText: record('fillText'),
    strokeText: record('strokeText'),
    drawImage: record('drawImage'),
    isPointInPath: () => false,
    createLinearGradient: gradient,
    createRadialGradient: gradient,
    createPattern: () => ({}),
    /** A rough width: enough for layout, the same on every machine. */
    measureText: (text: string) => {
      log('measureText', [text]);
      return { width: text.length * fontPx() * 0.6 };
    },
  };
  const pick = (c: typeof ctx): Record<string, unknown> =>
    Object.fromEntries(Object.keys(props).map((k) => [k, c[k as keyof typeof props]]));
  return { ctx, ops, matrix: () => matrix };
}

export type Recording2d = ReturnType<typeof createRecording2d>;

/** The node: `width`/`height` are the backing store in device pixels, as on the phone. */
export function createCanvasNode(cssWidth: number, cssHeight: number) {
  const recording = createRecording2d();
  const node = {
    width: cssWidth,
    height: cssHeight,
    getContext: (type: '2d') => {
      if (type !== '2d') throw new Error(`canvas type 2d only, got ${String(type)}`);
      return recording.ctx as unknown as CanvasRenderingContext2D;
    },
  };
  return { node, recording };
}

export type FakeCanvas = ReturnType<typeof createCanvasNode>;
