import { inclusion } from './inclusion';

const people = (n: number, p: { ageBand?: string | null; gender?: string | null }) =>
  Array.from({ length: n }, () => p);

describe('inclusion', () => {
  it('gives shares among those who reported', () => {
    const result = inclusion([
      ...people(5, { ageBand: '20S', gender: 'WOMAN' }),
      ...people(5, { ageBand: '60S', gender: 'MAN' }),
      ...people(3, { ageBand: null, gender: 'NO_ANSWER' }),
      ...people(2, {}),
    ]);
    expect(result).toEqual({
      participants: 15,
      youth: { share: 0.5, count: 5, base: 10, suppressed: false },
      women: { share: 0.5, count: 5, base: 10, suppressed: false },
    });
  });

  it('counts under-20s and 30s as young, 40s not', () => {
    const r = inclusion([
      ...people(2, { ageBand: 'UNDER_20' }),
      ...people(3, { ageBand: '30S' }),
      ...people(5, { ageBand: '40S' }),
    ]);
    expect(r.youth).toEqual({ share: 0.5, count: 5, base: 10, suppressed: false });
  });

  it('suppresses a numerator below 5', () => {
    const r = inclusion([...people(4, { gender: 'WOMAN' }), ...people(20, { gender: 'MAN' })]);
    expect(r.women).toEqual({ share: null, count: null, base: 24, suppressed: true });
  });

  it('suppresses a reporting base below 5, even when everyone is in the group', () => {
    const r = inclusion(people(4, { ageBand: '20S', gender: 'WOMAN' }));
    expect(r.youth.suppressed).toBe(true);
    expect(r.women).toEqual({ share: null, count: null, base: 4, suppressed: true });
  });

  it('shows a group of exactly 5', () => {
    expect(inclusion(people(5, { gender: 'WOMAN' })).women).toEqual({ share: 1, count: 5, base: 5, suppressed: false });
  });

  it('ignores unknown values and honours a custom minimum', () => {
    const r = inclusion([...people(3, { ageBand: 'TEENS', gender: 'woman' }), ...people(2, { gender: 'WOMAN' })], 2);
    expect(r.women).toEqual({ share: 1, count: 2, base: 2, suppressed: false });
    expect(r.youth).toEqual({ share: null, count: null, base: 0, suppressed: true });
    expect(() => inclusion([], 0)).toThrow(RangeError);
  });

  it('handles nobody', () => {
    expect(inclusion([]).participants).toBe(0);
    expect(inclusion([]).women.suppressed).toBe(true);
  });
});
