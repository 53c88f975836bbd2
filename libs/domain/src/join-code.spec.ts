import fc from 'fast-check';
import {
  formatJoinCode,
  generateJoinCode,
  isJoinCode,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  normalizeJoinCode,
} from './join-code';

describe('join codes', () => {
  it('uses an alphabet without look-alikes', () => {
    for (const c of '0O1ILUV') expect(JOIN_CODE_ALPHABET).not.toContain(c);
    expect(new Set(JOIN_CODE_ALPHABET).size).toBe(JOIN_CODE_ALPHABET.length);
    expect(JOIN_CODE_ALPHABET.length).toBeGreaterThanOrEqual(28);
    expect(JOIN_CODE_LENGTH).toBe(6);
  });

  it('generates codes from the given random source', () => {
    expect(generateJoinCode(() => 0)).toBe('222222');
    let i = 0;
    expect(generateJoinCode((n) => (i++ * 7) % n)).toBe('29GQZ8');
    expect(() => generateJoinCode(() => JOIN_CODE_ALPHABET.length)).toThrow(RangeError);
    expect(() => generateJoinCode(() => 0.5)).toThrow(RangeError);
  });

  it('normalises what people type', () => {
    expect(normalizeJoinCode('abc234')).toBe('ABC234');
    expect(normalizeJoinCode('ＡＢＣ２３４')).toBe('ABC234');
    expect(normalizeJoinCode(' abc-234 ')).toBe('ABC234');
    expect(normalizeJoinCode('ＡＢＣ　ー２３４')).toBe('ABC234');
    expect(normalizeJoinCode('A B C 2 3 4')).toBe('ABC234');
  });

  it('rejects what cannot be a code', () => {
    for (const bad of ['', 'ABC23', 'ABC2345', 'ABC123', 'ABCO23', 'ぱすわーど', 'ABC23!']) {
      expect(normalizeJoinCode(bad)).toBeNull();
    }
    expect(normalizeJoinCode('A'.repeat(100))).toBeNull();
  });

  it('accepts every generated code back, also when formatted (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: JOIN_CODE_LENGTH, maxLength: JOIN_CODE_LENGTH }), (draws) => {
        let i = 0;
        const code = generateJoinCode((n) => (draws[i++] as number) % n);
        expect(isJoinCode(code)).toBe(true);
        expect(normalizeJoinCode(code.toLowerCase())).toBe(code);
        expect(normalizeJoinCode(formatJoinCode(code, '-'))).toBe(code);
      }),
    );
  });

  it('formats a code in two halves', () => {
    expect(formatJoinCode('ABC234')).toBe('ABC 234');
  });
});
