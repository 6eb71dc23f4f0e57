/** One day of a unit's trend as `unit.trend` returns it: its completion at the day's close and 序时 on that day. */
import type { ActionOutput } from '../../core/contract';

export type TrendPoint = ActionOutput<'unit.trend'>['points'][number];
