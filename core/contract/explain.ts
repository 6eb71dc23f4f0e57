/**
 * Optional explanation fields of `unit.detail` (added by the core): how each metric's share of the
 * score was computed, figure by figure (DOMAIN.md "Every score can be opened").
 */
import { z } from 'zod';
import { Day } from './entities';

export const MetricDims = z.object({
  performance: z.number(),
  speed: z.number(),
  /** null: not a running total, so not part of effort. */
  effort: z.number().nullable(),
  /** null: not a growing cumulative metric, so not part of contribution. */
  contribution: z.number().nullable(),
});
export type MetricDims = z.infer<typeof MetricDims>;

export const MetricExplain = z.object({
  /** Completion expected by today: τ for a growing running total, else 1 (0 before the start). */
  expected: z.number(),
  /** Value at the close of the effort baseline day (running totals only). */
  baselineValue: z.number().nullable().optional(),
  /** The city's ΣA and ΣT (growing cumulative metrics only). */
  city: z.object({ value: z.number(), target: z.number() }).nullable().optional(),
  /** This metric's part of each dimension. */
  dims: MetricDims.optional(),
});

export const UnitExplain = z.object({
  /** τ today. */
  timeProgress: z.number().optional(),
  /** Effort compares today with the close of this day. */
  effortSince: Day.optional(),
  /** Δτ between effortSince and today. */
  effortSpan: z.number().optional(),
  /** Problems that count for quality today, and those closed by their due date. */
  quality: z.object({ counted: z.number().int(), onTime: z.number().int() }).optional(),
});
