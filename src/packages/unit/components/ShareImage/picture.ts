/**
 * Browser: a PNG of a chart to save or send — the chart's own picture (ECharts' getDataURL at twice its
 * size) under a title and the date lines, with a footer, on a white card. The canvas and the image
 * loader come in as arguments so the drawing can be checked without a browser.
 */
import type { ChartPicture } from '../ScoreBars/ScoreBars.types';

export interface PictureText {
  title: string;
  /** Under the title: the date, what the lines mean. */
  lines: string[];
  footer: string;
}

export interface PictureTools {
  createCanvas: () => HTMLCanvasElement;
  loadImage: (src: string) => Promise<CanvasImageSource>;
}

/** Pixels per CSS pixel in the picture: sharp on a phone's screen, small enough to send. */
export const RATIO = 2;
const PAD = 20;
const FONT = '"PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';
const TITLE = { size: 20, lineHeight: 28, weight: '700', color: '#1a1a1a' };
const LINE = { size: 14, lineHeight: 22, weight: '400', color: '#545454' };
const FOOT = { size: 12, lineHeight: 18, weight: '400', color: '#6b6b6b' };

/**
 * Text broken into lines no wider than `width`: between any two Chinese characters (there are no spaces to
 * break at), but never inside a run of Latin letters and digits ("41%", "2025-10-10") unless it is wider
 * than a whole line.
 */
export function wrap(measure: (s: string) => number, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  const put = (piece: string) => {
    if (line && measure(line + piece) > width) {
      lines.push(line.trimEnd());
      line = piece.trim() ? piece : '';
    } else {
      line += piece;
    }
  };
  for (const token of text.match(/[!-~]+|\s+|[^\s]/gu) ?? []) {
    if (measure(token) > width) for (const ch of Array.from(token)) put(ch);
    else put(token);
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

export async function composePicture(
  chart: ChartPicture,
  text: PictureText,
  tools: PictureTools,
): Promise<string> {
  const chartUrl = chart.getDataURL({ type: 'png', pixelRatio: RATIO, backgroundColor: '#ffffff' });
  const image = await tools.loadImage(chartUrl);
  const width = chart.getWidth() + 2 * PAD;
  const inner = width - 2 * PAD;
  const canvas = tools.createCanvas();
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('这个浏览器不能生成图片');

  const font = (s: typeof TITLE) => `${s.weight} ${s.size}px ${FONT}`;
  const lay = (s: typeof TITLE, t: string) => {
    ctx.font = font(s);
    return wrap((x) => ctx.measureText(x).width, t, inner);
  };
  const blocks = [
    { style: TITLE, rows: lay(TITLE, text.title) },
    ...text.lines.map((l) => ({ style: LINE, rows: lay(LINE, l) })),
  ];
  const footer = lay(FOOT, text.footer);
  const head = blocks.reduce((h, b) => h + b.rows.length * b.style.lineHeight, 0);
  const height = PAD + head + 12 + chart.getHeight() + 12 + footer.length * FOOT.lineHeight + PAD;

  canvas.width = width * RATIO;
  canvas.height = height * RATIO;
  ctx.scale(RATIO, RATIO);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.textBaseline = 'top';
  let y = PAD;
  const write = (style: typeof TITLE, rows: string[]) => {
    ctx.font = font(style);
    ctx.fillStyle = style.color;
    for (const row of rows) {
      ctx.fillText(row, PAD, y + (style.lineHeight - style.size) / 2);
      y += style.lineHeight;
    }
  };
  for (const b of blocks) write(b.style, b.rows);
  y += 12;
  ctx.drawImage(image, PAD, y, chart.getWidth(), chart.getHeight());
  y += chart.getHeight() + 12;
  write(FOOT, footer);
  return canvas.toDataURL('image/png');
}

/** The browser's own loader: resolves once the picture is decoded. */
export const loadImage = (src: string): Promise<CanvasImageSource> =>
  new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('图表图片没能生成'));
    img.src = src;
  });

/** Starts a download of the picture (a phone's browser saves it; WeChat's own browser ignores it). */
export function download(dataUrl: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = dataUrl;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}
