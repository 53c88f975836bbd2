import { diffVersions } from './version-diff';

describe('diffVersions', () => {
  const a = {
    title: '空き家バンクの創設',
    body: '# 概要\n空き家を活用する。\n## KPI\n成約数を増やす。\n',
    kpis: [{ indicator: '成約数', baseline: 5, target: 20 }],
  };

  it('diffs a Japanese title by character', () => {
    const d = diffVersions(a, { ...a, title: '空き家バンクの拡充' });
    expect(d.title).toEqual([
      { value: '空き家バンクの', added: false, removed: false },
      { value: '創設', added: false, removed: true },
      { value: '拡充', added: true, removed: false },
    ]);
  });

  it('diffs the body by line', () => {
    const d = diffVersions(a, { ...a, body: a.body.replace('空き家を活用する。', '空き家を移住者向けに活用する。') });
    expect(d.body.filter((p) => p.removed).map((p) => p.value)).toEqual(['空き家を活用する。\n']);
    expect(d.body.filter((p) => p.added).map((p) => p.value)).toEqual(['空き家を移住者向けに活用する。\n']);
    expect(d.body.map((p) => (p.added ? '' : p.value)).join('')).toBe(a.body);
  });

  it('reports KPI changes structurally', () => {
    expect(diffVersions(a, { ...a, kpis: [{ target: 20, baseline: 5, indicator: '成約数' }] }).kpisChanged).toBe(false);
    expect(diffVersions(a, { ...a, kpis: [{ indicator: '成約数', baseline: 5, target: 30 }] }).kpisChanged).toBe(true);
  });

  it('shows no change for identical versions', () => {
    const d = diffVersions(a, a);
    expect(d.title.every((p) => !p.added && !p.removed)).toBe(true);
    expect(d.body.every((p) => !p.added && !p.removed)).toBe(true);
    expect(d.kpisChanged).toBe(false);
  });
});
