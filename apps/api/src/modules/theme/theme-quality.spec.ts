import { buildThemes, nmi, purity, SECTORS, STANCES, termsOf, type ThemeComment } from '@yoriai/domain';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { japaneseTokenizer } from './japanese-tokenizer';

// Measured on the team's own 300-comment set (5 地方創生 topics): the floors sit just below what
// the method gives today, so a change that makes themes worse fails here. See docs/analytics.md.
const PURITY_FLOOR = Number(process.env.THEME_PURITY_FLOOR ?? 0.74);
const NMI_FLOOR = Number(process.env.THEME_NMI_FLOOR ?? 0.45);
// The live path on the same comments (a model on the first 288, the last 12 joining it) measures
// 0.687 / 0.390: k-means on another subset finds other splits (docs/analytics.md § Quality).
const LIVE_PURITY_FLOOR = 0.66;
const LIVE_NMI_FLOOR = 0.37;

interface EvaluationSet {
  comments: { id: string; theme: string; body: string }[];
}
// Read as data (libs/domain owns it; projects are never imported by path).
const evaluation = JSON.parse(readFileSync(path.resolve(__dirname, '../../../../../libs/domain/src/themes/testing/evaluation-set.json'), 'utf8')) as EvaluationSet;

describe('theme quality on the Japanese evaluation set', () => {
  let comments: ThemeComment[];
  let gold: Map<string, string>;
  beforeAll(async () => {
    const tokenize = await japaneseTokenizer();
    gold = new Map(evaluation.comments.map((c) => [c.id, c.theme]));
    comments = evaluation.comments.map((c, i) => ({
      id: c.id,
      authorId: `author-${i % 97}`,
      sector: SECTORS[i % SECTORS.length]!,
      stance: STANCES[i % STANCES.length]!,
      createdAt: 1_700_000_000_000 + i * 1000,
      terms: termsOf(c.body, tokenize),
    }));
  });

  it.each([
    ['clustered whole', PURITY_FLOOR, NMI_FLOOR, {}],
    // The live path: a model on the first 288 comments, the last 12 joining their nearest theme.
    ['with the later comments joining a model (live path)', LIVE_PURITY_FLOOR, LIVE_NMI_FLOOR, { fullBuildLimit: 100 }],
  ])('themes agree with the gold topics, %s (purity ≥ %s, NMI ≥ %s)', (_, purityFloor, nmiFloor, options) => {
    const themes = buildThemes(comments, options);
    const clusterOf = new Map(themes.flatMap((t) => t.commentIds.map((id) => [id, t.id] as const)));
    const ids = comments.map((c) => c.id);
    const p = purity(ids.map((id) => clusterOf.get(id) as string), ids.map((id) => gold.get(id) as string));
    const m = nmi(ids.map((id) => clusterOf.get(id) as string), ids.map((id) => gold.get(id) as string));
    console.log(`themes=${themes.length} purity=${p.toFixed(3)} nmi=${m.toFixed(3)}\n${themes.map((t) => `${t.size} ${t.label}`).join('\n')}`);
    expect(p).toBeGreaterThanOrEqual(purityFloor);
    expect(m).toBeGreaterThanOrEqual(nmiFloor);
  });
});
