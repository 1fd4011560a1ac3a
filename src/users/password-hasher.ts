import { randomBytes, scrypt as scryptCallback, ScryptOptions, timingSafeEqual } from 'node:crypto';

import { DEFAULT_PASSWORD_HASH_COST } from '../config/app-config';

const KEY_LENGTH = 32;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
/** Stored parameters beyond these are refused rather than computed (2^20 would take 1 GiB per attempt). */
const MAX_STORED = { N: 2 ** 20, r: 32, p: 16 };

interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

const paramsOf = (cost: number): ScryptParams => ({ N: 2 ** cost, r: BLOCK_SIZE, p: PARALLELISM });

function scrypt(password: string, salt: Buffer, { N, r, p }: ScryptParams): Promise<Buffer> {
  // scrypt needs 128·N·r bytes (128 MiB for N=2^17, r=8); Node refuses more than 32 MiB unless told.
  const options: ScryptOptions = { N, r, p, maxmem: 2 * 128 * N * r };
  return new Promise((done, fail) => scryptCallback(password, salt, KEY_LENGTH, options, (err, key) => (err ? fail(err) : done(key))));
}

/** `scrypt$N$r$p$salt$hash` (base64url): the parameters travel with the hash so they can be raised later. */
export async function hashPassword(password: string, cost: number = DEFAULT_PASSWORD_HASH_COST): Promise<string> {
  const params = paramsOf(cost);
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** The parts of a stored hash; null when it is not one of ours or its parameters are out of bounds. */
function parse(stored: string): (ScryptParams & { salt: Buffer; hash: Buffer }) | null {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (scheme !== 'scrypt' || !salt || !hash) return null;
  const bounded = (value: number, max: number) => Number.isInteger(value) && value >= 1 && value <= max;
  if (
    !bounded(params.N, MAX_STORED.N) ||
    (params.N & (params.N - 1)) !== 0 ||
    !bounded(params.r, MAX_STORED.r) ||
    !bounded(params.p, MAX_STORED.p)
  )
    return null;
  return { ...params, salt: Buffer.from(salt, 'base64url'), hash: Buffer.from(hash, 'base64url') };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const actual = await scrypt(password, parsed.salt, parsed);
  return actual.length === parsed.hash.length && timingSafeEqual(actual, parsed.hash);
}

/** Whether a stored hash is weaker than `cost` asks for: it is replaced at the owner's next successful sign-in. */
export function isOutdatedHash(stored: string, cost: number = DEFAULT_PASSWORD_HASH_COST): boolean {
  const parsed = parse(stored);
  const wanted = paramsOf(cost);
  return parsed !== null && (parsed.N < wanted.N || parsed.r < wanted.r || parsed.p < wanted.p);
}

const unusable = new Map<number, Promise<string>>();

/**
 * A hash of a random password at `cost`: compared against when the e-mail is unknown, so timing does not reveal
 * accounts. Made once per cost, on first use.
 */
export function unusablePasswordHash(cost: number = DEFAULT_PASSWORD_HASH_COST): Promise<string> {
  let hash = unusable.get(cost);
  if (!hash) unusable.set(cost, (hash = hashPassword(randomBytes(24).toString('base64url'), cost)));
  return hash;
}
