import { InviteCode } from './people';

const messageOf = (input: unknown): string | null => {
  const r = InviteCode.safeParse(input);
  return r.success ? null : (r.error.issues[0]?.message ?? '');
};

describe('InviteCode messages', () => {
  it('accepts a well-formed code, trimmed and upper-cased', () => {
    expect(InviteCode.parse(' abcd2345 ')).toBe('ABCD2345');
  });

  it('tells a code of 8 letters and digits that contains O and 1 which characters never occur, not its length', () => {
    const m = messageOf('WRONG123');
    expect(m).not.toContain('8 位');
    expect(m).toContain('不含 I、O、0、1');
    expect(m).toContain('你输入了 O、1');
  });

  it('names each look-alike once, whatever the case it was typed in', () => {
    expect(messageOf('io0ioabc')).toContain('你输入了 I、O、0：');
  });

  it('names other characters that are not letters or digits', () => {
    const m = messageOf('ABCD-234');
    expect(m).toContain('不能有 -');
    expect(m).not.toContain('I、O');
  });

  it('still asks for 8 characters when the length is wrong', () => {
    expect(messageOf('AB2')).toBe('邀请码为 8 位字母或数字，请核对后重新输入');
    expect(messageOf('ABCDEFGH2')).toContain('8 位');
    expect(messageOf(12345678)).toBe('邀请码应为文字');
  });
});
