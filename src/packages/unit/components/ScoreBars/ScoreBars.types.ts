/** The score bars' props, shared by the browser (ScoreBars.h5.tsx) and WeChat (ScoreBars.weapp.tsx) versions. */
import type { MutableRefObject } from 'react';
import type { ScoreBar } from './scoreBarsOption';

/** What the browser's 分享 takes from the drawn chart (an ECharts instance has it). */
export interface ChartPicture {
  getDataURL(opts: { type?: 'png'; pixelRatio?: number; backgroundColor?: string }): string;
  getWidth(): number;
  getHeight(): number;
}

export interface ScoreBarsProps {
  rows: readonly ScoreBar[];
  timeProgress: number;
  ownUnitId: string | null;
  /** Browser: set to the drawn chart, for 分享 to make a picture of it. */
  picture?: MutableRefObject<ChartPicture | null>;
}
