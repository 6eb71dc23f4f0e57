/** Months of a campaign: the monthly 通报's period, and a target's monthly figures (DOMAIN.md "The monthly review"). */
import { z } from 'zod';

/** A month of the campaign's calendar. */
export const Period = z
  .string({ error: '月份应为文字' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM，如 2025-10');
export type Period = z.infer<typeof Period>;


/** One month of a target: the monthly target (MT) and last year's same month (LY), each optional. */
export const MonthlyTarget = z.object({
  period: Period,
  target: z.number({ error: '月度目标应为数字' }).min(0, '月度目标不能小于 0').max(1e9, '月度目标不能超过 10 亿').optional(),
  lastYear: z
    .number({ error: '上年同期数应为数字' })
    .min(0, '上年同期数不能小于 0')
    .max(1e9, '上年同期数不能超过 10 亿')
    .optional(),
});
export type MonthlyTarget = z.infer<typeof MonthlyTarget>;
