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

  it('hashes a token with SHA-256, the same each time, into something that is not the token', () => {
    // The FIPS 180-2 test vector for "abc".
    expect(nodeIds.hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const token = nodeIds.newToken();
    expect(nodeIds.hashToken(token)).toBe(nodeIds.hashToken(token));
    expect(nodeIds.hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(nodeIds.hashToken(token)).not.toContain(token);
    expect(nodeIds.hashToken(nodeIds.newToken())).not.toBe(nodeIds.hashToken(token));
  });
});
