import { DEFAULT_PILLARS, formatPillarTitle } from './pillars';

describe('DEFAULT_PILLARS', () => {
  it('holds the five pillars of 地方創生2.0 verbatim, in order', () => {
    expect(DEFAULT_PILLARS.map(formatPillarTitle)).toEqual([
      '① 安心して働き、暮らせる地方の生活環境の創生',
      '② 東京一極集中のリスクに対応した人や企業の地方分散',
      '③ 付加価値創出型の新しい地方経済の創生',
      '④ デジタル・新技術の徹底活用',
      '⑤ 「産官学金労言」の連携など、国民的な機運の向上',
    ]);
    expect(DEFAULT_PILLARS.map((p) => p.position)).toEqual([1, 2, 3, 4, 5]);
    expect(DEFAULT_PILLARS.map((p) => p.numeral).join('')).toBe('①②③④⑤');
  });

  it('has unique keys, English titles and source points', () => {
    expect(new Set(DEFAULT_PILLARS.map((p) => p.key)).size).toBe(5);
    for (const p of DEFAULT_PILLARS) {
      expect(p.titleEn).toMatch(/^[A-Z]/);
      expect(p.pointsJa.length).toBeGreaterThan(0);
    }
  });

  it('formats any position', () => {
    expect(formatPillarTitle({ position: 6, titleJa: '独自の柱' })).toBe('⑥ 独自の柱');
    expect(formatPillarTitle({ position: 21, titleJa: 'x' })).toBe('21. x');
  });
});
