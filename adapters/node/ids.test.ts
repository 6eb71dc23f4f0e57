// Invite codes are drawn from the alphabet given, at the length given, and differ from draw to draw.
import { InviteCode } from '../../core/contract/people';
import { INVITE_ALPHABET, INVITE_LENGTH } from '../../core/app/people/invite';
import { nodeIds } from './ids';

describe('node ids', () => {
  it('draws invite codes the contract accepts, each character from the alphabet', () => {
    const codes = Array.from({ length: 500 }, () => nodeIds.newCode(INVITE_LENGTH, INVITE_ALPHABET));
    for (const code of codes) expect(InviteCode.parse(code)).toBe(code);
    expect(new Set(codes).size).toBe(codes.length);
    const used = new Set(codes.join(''));
    // 4000 draws from 32 characters: every one shows up (a biased or short alphabet would not).
    expect([...used].sort().join('')).toBe([...INVITE_ALPHABET].sort().join(''));
  });

  it('gives distinct ids and long tokens', () => {
    expect(nodeIds.newId()).not.toBe(nodeIds.newId());
    expect(nodeIds.newToken()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
