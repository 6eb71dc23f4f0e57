/**
 * The ui tests' server for the post card and 学: answers by action name (an answer may throw, as a lost
 * connection does, or wait); anything not named is NOT_FOUND. The test file mocks api/transport.
 */
import { transport } from '../../api/transport';
import type { TransportRequest } from '../../api/transport.types';

type Answer = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };
type Answering = (data: Record<string, unknown>) => Answer | Promise<Answer>;

const send = transport as jest.MockedFunction<typeof transport>;

export const ok = (data: unknown): Answer => ({ ok: true, data });
export const refuse = (code: string, message: string): Answer => ({ ok: false, error: { code, message } });

/** Answers from now on, the record of earlier requests cleared. */
export function serve(answers: Record<string, Answering>): void {
  send.mockReset();
  send.mockImplementation(async (req: TransportRequest) => {
    const answer = answers[req.action];
    return answer ? answer(req.data as Record<string, unknown>) : refuse('NOT_FOUND', '?');
  });
}

/** What was sent to `action`, in order. */
export const calls = (action: string): Record<string, unknown>[] =>
  send.mock.calls.filter(([r]) => r.action === action).map(([r]) => r.data as Record<string, unknown>);

/** An answer that waits until `release` is called, to look at the screen in between. */
export function held(answer: Answer): { answering: Answering; release: () => void } {
  let release = () => undefined as void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return { answering: async () => gate.then(() => answer), release: () => release() };
}
