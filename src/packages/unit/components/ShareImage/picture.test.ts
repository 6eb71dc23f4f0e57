/**
 * The picture 分享 makes in the browser: the chart's own PNG at twice its size under the title and date,
 * with the footer, on white — drawn on a recording canvas (jsdom draws nothing).
 */
import { composePicture, RATIO, wrap } from './picture';

type Call = [string, ...unknown[]];

/** A 2d context that records its calls and measures every character 0.6 of the font's size wide. */
function recordingCanvas() {
  const calls: Call[] = [];
  const ctx = {
    font: '10px sans-serif',
    fillStyle: '#000',
    textBaseline: 'alphabetic',
    measureText: (t: string) => ({
      width: Array.from(t).length * parseFloat(/(\d+)px/.exec(ctx.font)![1]!) * 0.6,
    }),
    scale: (...a: unknown[]) => void calls.push(['scale', ...a]),
    fillRect: (...a: unknown[]) => void calls.push(['fillRect', ctx.fillStyle, ...a]),
    fillText: (...a: unknown[]) => void calls.push(['fillText', ctx.font, ...a]),
    drawImage: (...a: unknown[]) => void calls.push(['drawImage', ...a]),
  };
  const canvas = {
    width: 0,
    height: 0,
    getContext: (type: string) => (type === '2d' ? ctx : null),
    toDataURL: (type: string) => `data:${type};base64,UElDVFVSRQ==`,
  };
  return { canvas, calls };
}

const chart = (width = 335, height = 300) => ({
  getDataURL: jest.fn(() => 'data:image/png;base64,Q0hBUlQ='),
  getWidth: () => width,
  getHeight: () => height,
});

const text = {
  title: '“三百”竞赛（演示） 乡镇街道综合得分',
  lines: ['截至 2025-10-10（第 40 天）· 序时进度 40%', '虚线为序时参考 40 分'],
  footer: '按实绩排名，与发帖、点赞等使用情况无关',
};

describe('the picture of a chart', () => {
  it('asks the chart for a PNG at twice its size on white, and sets it under the title and date', async () => {
    const { canvas, calls } = recordingCanvas();
    const c = chart();
    const image = { decoded: 'chart' };
    const loadImage = jest.fn(async () => image as unknown as CanvasImageSource);
    const url = await composePicture(c, text, {
      createCanvas: () => canvas as unknown as HTMLCanvasElement,
      loadImage,
    });
    expect(c.getDataURL).toHaveBeenCalledWith({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
    expect(loadImage).toHaveBeenCalledWith('data:image/png;base64,Q0hBUlQ=');
    expect(url).toBe('data:image/png;base64,UElDVFVSRQ==');

    // 20 px of margin each side of the chart, every pixel twice.
    expect(canvas.width).toBe((335 + 40) * RATIO);
    expect(calls.find((c) => c[0] === 'scale')).toEqual(['scale', RATIO, RATIO]);
    expect(calls[1]).toEqual(['fillRect', '#ffffff', 0, 0, 335 + 40, canvas.height / RATIO]);

    const texts = calls.filter((c) => c[0] === 'fillText').map((c) => c[2]);
    // Each fits on a line (at 20 px, 27 title characters fit in 335 px): the title, the two lines, the footer.
    expect(texts).toEqual([text.title, ...text.lines, text.footer]);
    const draw = calls.find((c) => c[0] === 'drawImage')!;
    expect(draw).toEqual(['drawImage', image, 20, expect.any(Number), 335, 300]);
    // Title 28 + two lines of 22 + 12 above the chart; the chart, 12, the footer 18 and 20 below.
    const top = draw[3] as number;
    expect(top).toBe(20 + 28 + 2 * 22 + 12);
    expect(canvas.height / RATIO).toBe(top + 300 + 12 + 18 + 20);
  });

  it('wraps a title too long for the chart’s width, character by character', async () => {
    const { canvas, calls } = recordingCanvas();
    const long = { ...text, title: '甲'.repeat(40) };
    await composePicture(chart(200, 100), long, {
      createCanvas: () => canvas as unknown as HTMLCanvasElement,
      loadImage: async () => ({}) as CanvasImageSource,
    });
    const titles = calls.filter((c) => c[0] === 'fillText' && String(c[1]).startsWith('700'));
    // 200 px at 12 px a character: 16 a line.
    expect(titles.map((c) => String(c[2]).length)).toEqual([16, 16, 8]);
  });

  it('fails with a reason where the browser has no 2d canvas, and when the chart’s image does not load', async () => {
    const none = { width: 0, height: 0, getContext: () => null, toDataURL: () => '' };
    await expect(
      composePicture(chart(), text, {
        createCanvas: () => none as unknown as HTMLCanvasElement,
        loadImage: async () => ({}) as CanvasImageSource,
      }),
    ).rejects.toThrow('这个浏览器不能生成图片');
    await expect(
      composePicture(chart(), text, {
        createCanvas: () => recordingCanvas().canvas as unknown as HTMLCanvasElement,
        loadImage: async () => {
          throw new Error('图表图片没能生成');
        },
      }),
    ).rejects.toThrow('图表图片没能生成');
  });
});

describe('breaking lines', () => {
  const measure = (s: string) => Array.from(s).length * 10;
  it('fills each line to the width and keeps the rest for the next', () => {
    expect(wrap(measure, '一二三四五六七', 30)).toEqual(['一二三', '四五六', '七']);
    expect(wrap(measure, '一二三', 30)).toEqual(['一二三']);
    expect(wrap(measure, '', 30)).toEqual([]);
  });

  it('keeps a run of letters and digits whole, breaking it only when it is wider than a line', () => {
    expect(wrap(measure, '序时进度 41%', 60)).toEqual(['序时进度', '41%']);
    expect(wrap(measure, '截至 10-10 起', 60)).toEqual(['截至', '10-10', '起']);
    // Wider than the line: broken where it must, carrying on the line before.
    expect(wrap(measure, '截至2025-10-10', 80)).toEqual(['截至2025-1', '0-10']);
  });

  it('starts no line with a space, and still writes a character wider than the line', () => {
    expect(wrap(measure, 'ab cd', 20)).toEqual(['ab', 'cd']);
    expect(wrap((s) => Array.from(s).length * 50, '甲乙', 30)).toEqual(['甲', '乙']);
  });
});
