import { heatColor } from './heat';

const rgb = (css: string) => (/rgb\((\d+) (\d+) (\d+)\)/.exec(css)?.slice(1).map(Number) ?? []) as [number, number, number];
const hex = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

describe('heat map colours', () => {
  it('keep the printed number readable (WCAG AA, 4.5:1) on every cell colour', () => {
    for (let i = 0; i <= 100; i++) {
      const { background, color } = heatColor(i / 100);
      expect(contrast(luminance(rgb(background)), luminance(hex(color)))).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('run from orange (0%) through near white (50%) to blue (100%), clamped outside 0–1', () => {
    const [r0, , b0] = rgb(heatColor(0).background);
    const [r1, , b1] = rgb(heatColor(1).background);
    expect(r0).toBeGreaterThan(b0);
    expect(b1).toBeGreaterThan(r1);
    expect(rgb(heatColor(0.5).background).every((c) => c > 240)).toBe(true);
    expect(heatColor(-1)).toEqual(heatColor(0));
    expect(heatColor(2)).toEqual(heatColor(1));
  });
});
