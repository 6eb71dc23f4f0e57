/**
 * The task forms check what they send with the contract's own schema (the server parses with the same
 * one), and say each problem beside its field; a refusal from the server (`title：请填写难题；…`) is
 * split the same way, and what names no field of the form is said at the top, plainly.
 */
import '../../../api/zod-config';
import { actions, type ActionName } from '../../../../core/contract';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export interface Checked<F extends string> {
  errors: FieldErrors<F>;
  /** What names none of the fields, to show at the top of the form; null when nothing. */
  other: string | null;
}

/** Stands in for the requestId while a form is only checked, before one is stamped. */
export const CHECK_ONLY_ID = 'check-only';

const none = <F extends string>(): Checked<F> => ({ errors: {}, other: null });

/** The contract's checks of `input` to `action`, the first message of each field. */
export function contractErrors<F extends string>(
  action: ActionName,
  input: unknown,
  fields: readonly F[],
): Checked<F> {
  const parsed = actions[action].input.safeParse(input);
  if (parsed.success) return none();
  const out = none<F>();
  for (const issue of parsed.error.issues) {
    const field = fields.find((f) => f === issue.path[0]);
    if (field) out.errors[field] ??= issue.message;
    else out.other ??= issue.message;
  }
  return out;
}

/** A server message split into the form's fields (by their `path：` prefixes) and the rest. */
export function serverErrors<F extends string>(message: string, fields: readonly F[]): Checked<F> {
  const out = none<F>();
  const rest: string[] = [];
  for (const part of message.split('；')) {
    const m = /^([A-Za-z]+)(?:\.[\w.]+)?[：:]\s*(.+)$/.exec(part.trim());
    const field = m ? fields.find((f) => f === m[1]) : undefined;
    if (m && field) out.errors[field] ??= m[2]!;
    else if (part.trim()) rest.push(part.trim());
  }
  out.other = rest.length > 0 ? rest.join('；') : null;
  return out;
}

export const hasErrors = <F extends string>(c: Checked<F>): boolean =>
  c.other !== null || Object.keys(c.errors).length > 0;
