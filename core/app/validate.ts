/**
 * Input validation with messages a user can act on: zod's Chinese locale for the generic cases, the
 * contract's own messages where it gives one, and the field's path in front (`figures.0.value：…`).
 */
import { z } from 'zod';
import { actions, fail, ok, type ActionArgs, type ActionName, type Result } from '../contract';

const zh = z.locales.zhCN().localeError;

/** At most this many problems in one message: enough to fix a form, short enough to read. */
const MAX_ISSUES = 3;

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, MAX_ISSUES)
    .map((issue) =>
      issue.path.length > 0 ? `${issue.path.map(String).join('.')}：${issue.message}` : issue.message,
    )
    .join('；');
}

export function parseInput<T>(schema: z.ZodType<T>, data: unknown): Result<T> {
  const parsed = schema.safeParse(data, { error: zh });
  return parsed.success ? ok(parsed.data) : fail('INVALID_ARGUMENT', describeIssues(parsed.error));
}

/** An action's input, parsed by its own schema from the contract's action map. */
export function parseAction<A extends ActionName>(name: A, data: unknown): Result<ActionArgs<A>> {
  const schema: z.ZodType = actions[name].input;
  const parsed = schema.safeParse(data, { error: zh });
  // The schema is actions[name].input, so its output is ActionArgs<A> by construction.
  return parsed.success
    ? ok(parsed.data as ActionArgs<A>)
    : fail('INVALID_ARGUMENT', describeIssues(parsed.error));
}
