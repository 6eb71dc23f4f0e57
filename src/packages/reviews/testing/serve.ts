/** The ui tests' server: answers by action name; anything not named is NOT_FOUND. */
import { transport } from '../../../api/transport';
import type { TransportRequest } from '../../../api/transport.types';

type Answer = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

const send = transport as jest.MockedFunction<typeof transport>;

export const ok = (data: unknown): Answer => ({ ok: true, data });
export const refuse = (code: string, message: string): Answer => ({ ok: false, error: { code, message } });

/** Answers from now on, the record of earlier requests cleared. */
export function serve(answers: Record<string, (data: Record<string, unknown>) => Answer>): void {
  send.mockReset();
  send.mockImplementation(async (req: TransportRequest) => {
    const answer = answers[req.action];
    return answer ? answer(req.data as Record<string, unknown>) : refuse('NOT_FOUND', '?');
  });
}

/** What was sent to `action`, in order. */
export const calls = (action: string): Record<string, unknown>[] =>
  send.mock.calls.filter(([r]) => r.action === action).map(([r]) => r.data as Record<string, unknown>);
