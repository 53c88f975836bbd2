import fc from 'fast-check';
import { canonicalJson, CanonicalJsonError } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys recursively and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('keeps Japanese and emoji as they are', () => {
    const text = '地域交通の再編 🚌「産官学金労言」';
    expect(canonicalJson({ title: text })).toBe(`{"title":"${text}"}`);
    expect(JSON.parse(canonicalJson(text))).toBe(text);
  });

  it('escapes quotes, backslashes and control characters like JSON.stringify', () => {
    expect(canonicalJson('a"b\\c\nd\u0001')).toBe('"a\\"b\\\\c\\nd\\u0001"');
  });

  it('sorts keys by UTF-16 code units, not code points', () => {
    // U+1F600 (surrogates D83D DE00) sorts before U+FF01 in UTF-16 although its code point is larger.
    expect(canonicalJson({ '！': 1, '😀': 2, B: 3, a: 4 })).toBe('{"B":3,"a":4,"😀":2,"！":1}');
  });

  it('omits undefined properties but rejects undefined in arrays', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
    expect(() => canonicalJson([1, undefined])).toThrow(CanonicalJsonError);
  });

  it('rejects non-finite numbers, dates, maps, class instances, bigint and functions', () => {
    class Thing {
      x = 1;
    }
    for (const bad of [Number.NaN, Infinity, new Date(0), new Map(), new Thing(), 1n, () => 1, Symbol('s')]) {
      expect(() => canonicalJson({ bad })).toThrow(CanonicalJsonError);
    }
  });

  it('names the path of the offending value', () => {
    expect(() => canonicalJson({ votes: [{ at: new Date(0) }] })).toThrow('at $.votes[0].at');
  });

  it('rejects cycles but allows a shared (non-cyclic) reference', () => {
    const shared = { k: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"k":1},"b":{"k":1}}');
    const loop: Record<string, unknown> = {};
    loop['self'] = loop;
    expect(() => canonicalJson(loop)).toThrow(CanonicalJsonError);
  });

  it('writes -0 as 0 and accepts null-prototype objects', () => {
    expect(canonicalJson(-0)).toBe('0');
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { b: 1, a: 2 });
    expect(canonicalJson(bare)).toBe('{"a":2,"b":1}');
  });

  it('round-trips any JSON value and ignores key insertion order (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.integer()), (dict) => {
        const reversed = Object.fromEntries(Object.entries(dict).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(dict));
      }),
    );
  });
});
