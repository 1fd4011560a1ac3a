import { hashPassword, isOutdatedHash, unusablePasswordHash, verifyPassword } from './password-hasher';

// Cost 14 keeps these quick; one test hashes at the default.
const COST = 14;

describe('password hashing', () => {
  it('verifies the right password and refuses others', async () => {
    const hash = await hashPassword('a long pass phrase', COST);
    expect(await verifyPassword('a long pass phrase', hash)).toBe(true);
    expect(await verifyPassword('a long pass phrase ', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it("hashes at OWASP's recommendation by default: scrypt N=2^17, r=8, p=1", async () => {
    const hash = await hashPassword('a long pass phrase');
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(await verifyPassword('a long pass phrase', hash)).toBe(true);
    expect(isOutdatedHash(hash)).toBe(false);
  });

  it('salts every hash and never contains the password', async () => {
    const [a, b] = await Promise.all([hashPassword('same password', COST), hashPassword('same password', COST)]);
    expect(a).not.toBe(b);
    expect(a).not.toContain('same password');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
  });

  it('still verifies hashes of older parameters, and calls them outdated against a higher cost', async () => {
    const old = await hashPassword('a long pass phrase', COST);
    expect(await verifyPassword('a long pass phrase', old)).toBe(true);
    expect(isOutdatedHash(old)).toBe(true);
    expect(isOutdatedHash(old, 15)).toBe(true);
    expect(isOutdatedHash(old, COST)).toBe(false);
    // A weaker block size is outdated too; a stronger hash is never "upgraded" down.
    expect(isOutdatedHash(old.replace('$16384$8$', '$131072$4$'))).toBe(true);
    expect(isOutdatedHash(old.replace('$16384$', '$262144$'))).toBe(false);
  });

  it('refuses malformed stored values and absurd parameters instead of throwing or computing them', async () => {
    expect(await verifyPassword('x', 'plaintext')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$16384$8$1$$')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$16385$8$1$c2FsdA$aGFzaA')).toBe(false);
    expect(await verifyPassword('x', `scrypt$${2 ** 24}$8$1$c2FsdA$aGFzaA`)).toBe(false);
    expect(isOutdatedHash('plaintext')).toBe(false);
  });

  it('compares unknown accounts against a hash of the same cost, made once', async () => {
    const unusable = unusablePasswordHash(COST);
    expect(unusablePasswordHash(COST)).toBe(unusable);
    expect(await unusable).toMatch(/^scrypt\$16384\$8\$1\$/);
  });
});
