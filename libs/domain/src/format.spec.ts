import { formatPercent, round4 } from './format';

describe('formatPercent', () => {
  it.each([
    [0, '0%'],
    [1, '100%'],
    [0.6, '60%'],
    [0.4, '40%'],
    [2 / 3, '66.6%'],
    [0.57, '57%'],
    [0.5999, '59.9%'],
    [0.123, '12.3%'],
  ])('%p → %s', (share, text) => {
    expect(formatPercent(share)).toBe(text);
  });

  it('rounds machine values to 4 decimals', () => {
    expect(round4(2 / 3)).toBe(0.6667);
  });
});
