/** 分享 as a picture: the props the browser's button (ShareImage.h5.tsx) takes; WeChat shares from its menu instead. */
import type { MutableRefObject } from 'react';
import type { ChartPicture } from '../ScoreBars/ScoreBars.types';
import type { PictureText } from './picture';

export interface ShareImageProps {
  /** The drawn chart; null until it is on the page. */
  picture: MutableRefObject<ChartPicture | null>;
  text: PictureText;
  /** The saved file's name, ".png" included. */
  fileName: string;
}
