// Passwords are stored as salted scrypt hashes that verify the right password only.
import { createScryptPasswords } from './passwords';

// A small cost keeps the tests fast; the format and the checks are the same as in production.
const passwords = createScryptPasswords({ N: 1024 });

describe('scrypt passwords', () => {
  it('verifies the password it hashed, and refuses any other', async () => {
    const hash = await passwords.hash('correct horse 电池');
    expect(await passwords.verify('correct horse 电池', hash)).toBe(true);
    expect(await passwords.verify('correct horse 电', hash)).toBe(false);
    expect(await passwords.verify('Correct horse 电池', hash)).toBe(false);
    expect(await passwords.verify('', hash)).toBe(false);
  });

  it('stores scrypt$N$r$p$salt$hash, never the password itself', async () => {
    const hash = await passwords.hash('s3cret-password');
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(hash).not.toContain('s3cret');
  });

  it('salts every hash, so one password hashes differently each time', async () => {
    const [a, b] = await Promise.all([passwords.hash('same-password'), passwords.hash('same-password')]);
    expect(a).not.toBe(b);
    expect(await passwords.verify('same-password', a)).toBe(true);
    expect(await passwords.verify('same-password', b)).toBe(true);
  });

  it('verifies a hash made with other cost parameters (they travel with the hash)', async () => {
    const older = await createScryptPasswords({ N: 512, r: 4 }).hash('kept-after-upgrade');
    expect(await passwords.verify('kept-after-upgrade', older)).toBe(true);
  });

  it('treats a malformed or tampered hash as no match instead of throwing', async () => {
    const good = await passwords.hash('password-1');
    const parts = good.split('$');
    const flipped = [...parts.slice(0, 5), `${parts[5]!.startsWith('A') ? 'B' : 'A'}${parts[5]!.slice(1)}`].join('$');
    for (const bad of ['', 'plain', 'bcrypt$1$2$3$4$5', good.replace('$1024$', '$1000$'), good.replace(/\$[^$]+$/, '$c2hvcnQ'), flipped]) {
      await expect(passwords.verify('password-1', bad)).resolves.toBe(false);
    }
  });

  it('refuses a cost that is not a power of two', () => {
    expect(() => createScryptPasswords({ N: 1000 })).toThrow('2 的幂');
  });
});
