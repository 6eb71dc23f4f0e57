/** The wall-clock instants demo posts carry (pure: "today" is always passed in). */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import type { Day } from '../../contract';

dayjs.extend(utc);

/** Asia/Shanghai has kept UTC+8 without daylight saving since 1991. */
const shanghaiOffsetHours = 8;

/** The instant of `hour:minute` in Asia/Shanghai on `day`, as ISO 8601. */
export const shanghaiInstant = (day: Day, hour: number, minute: number): string =>
  dayjs
    .utc(day)
    .add(hour - shanghaiOffsetHours, 'hour')
    .add(minute, 'minute')
    .toISOString();
