/** The comparison radar's props, shared by the browser (Radar.h5.tsx) and WeChat (Radar.weapp.tsx) versions. */
import type { RadarUnit } from './radarOption';

export interface RadarProps {
  units: readonly [RadarUnit, RadarUnit];
}
