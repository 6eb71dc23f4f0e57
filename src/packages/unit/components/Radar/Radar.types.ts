/** The radar's props, shared by the browser (Radar.h5.tsx) and WeChat (Radar.weapp.tsx) versions. */
import type { RadarUnit } from './radarOption';

export interface RadarProps {
  units: readonly [RadarUnit, RadarUnit];
  /** What the chart is called: its canvas id's prefix on WeChat, its test id in the browser. */
  name?: string;
}
