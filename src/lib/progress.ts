/**
 * The campaign's clock as the pages need it: thin calls into core/domain, the very rules the server
 * ranks with (DOMAIN.md "Time progress"); nothing is computed here a second time.
 */
import type { Campaign, Day } from '../../core/contract';
import { dayOf } from '../../core/domain/days';
import { campaignDays, timeProgress } from '../../core/domain/progress';

/** Today in the campaign's own time zone, whatever the phone's zone. */
export const campaignToday = (c: Pick<Campaign, 'timezone'>, nowMs: number = Date.now()): Day => dayOf(nowMs, c.timezone);

/** The day of an ISO instant in the campaign's time zone. */
export const campaignDayOf = (c: Pick<Campaign, 'timezone'>, iso: string): Day => dayOf(Date.parse(iso), c.timezone);

/** 序时进度 τ on `day`. */
export const tauOn = (c: Pick<Campaign, 'startDate' | 'endDate'>, day: Day): number =>
  timeProgress(day, c.startDate, c.endDate);

/** Days in the campaign, both ends counted. */
export const campaignLength = (c: Pick<Campaign, 'startDate' | 'endDate'>): number =>
  campaignDays(c.startDate, c.endDate);
