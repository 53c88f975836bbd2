/**
 * Characters of a join code, read off a projector and typed on a phone: digits 2–9 and capital
 * letters without look-alikes (no 0/O, 1/I/L) and without U/V, which blur at a distance. 29 characters,
 * so a 6-character code has 29^6 ≈ 595 million values; guessing is also rate-limited by the API.
 */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';
export const JOIN_CODE_LENGTH = 6;

const VALID = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

/**
 * A new join code. `randomInt(n)` must return a uniformly random integer in [0, n); pass a
 * cryptographic source (e.g. node:crypto randomInt or crypto.getRandomValues), as this lib has none.
 */
export function generateJoinCode(randomInt: (maxExclusive: number) => number): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i += 1) {
    const n = randomInt(JOIN_CODE_ALPHABET.length);
    if (!Number.isInteger(n) || n < 0 || n >= JOIN_CODE_ALPHABET.length) {
      throw new RangeError(`randomInt returned ${n}, expected an integer in [0, ${JOIN_CODE_ALPHABET.length})`);
    }
    code += JOIN_CODE_ALPHABET.charAt(n);
  }
  return code;
}

// Spaces and every dash a Japanese keyboard or a copied projector slide may produce (ー, －, ‐ …).
const SEPARATORS = /[\s\-‐‑‒–—―−ー_.・]/gu;

/**
 * A typed code in canonical form, or null if it cannot be one. Accepts lower case, full-width
 * characters (ＡＢＣ１２３, via NFKC), and spaces or hyphens anywhere (「ABC-123」).
 */
export function normalizeJoinCode(input: string): string | null {
  if (typeof input !== 'string' || input.length > 64) return null;
  const code = input.normalize('NFKC').replace(SEPARATORS, '').toUpperCase();
  return VALID.test(code) ? code : null;
}

export function isJoinCode(x: unknown): x is string {
  return typeof x === 'string' && VALID.test(x);
}

/** "ABC 234": split in half for reading aloud and off a projector. */
export function formatJoinCode(code: string, separator = ' '): string {
  const half = Math.ceil(code.length / 2);
  return `${code.slice(0, half)}${separator}${code.slice(half)}`;
}
