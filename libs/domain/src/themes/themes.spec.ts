import { SECTORS, type Sector } from '../sectors';
import type { Stance } from '../enums';
import { termsOf, type Morpheme } from './normalise';
import { nmi, purity } from './quality';
import { themeModelSize, upcomingModelSizes, type ThemeModel } from './model';
import { buildThemes, type ThemeComment } from './themes';

// A whitespace "analyser" keeps these tests pure; the Japanese analyser is tested in the API.
const words = (text: string): Morpheme[] => text.split(/\s+/).filter(Boolean).map((w) => ({ surface: w, pos: '名詞', posDetail1: '一般', basicForm: w }));

const TOPICS: Record<string, string[]> = {
  bus: ['バス', '路線', '運転手', '停留所', '時刻表', '運賃'],
  farm: ['農家', '田んぼ', '獣害', '就農', '米価', '農地'],
  care: ['保育園', '待機', '保育士', '学童', '育休', '児童'],
};

function corpus(): ThemeComment[] {
  const out: ThemeComment[] = [];
  let n = 0;
  for (const [topic, vocab] of Object.entries(TOPICS)) {
    for (let i = 0; i < 30; i += 1) {
      const text = [vocab[i % 6], vocab[(i * 5 + 1) % 6], vocab[(i * 7 + 2) % 6]].join(' ');
      out.push({
        id: `${topic}-${String(i).padStart(2, '0')}`,
        authorId: `p${n % 40}`,
        sector: SECTORS[n % SECTORS.length] as Sector,
        stance: (['SUPPORT', 'CONCERN', 'QUESTION'] as Stance[])[n % 3] as Stance,
        createdAt: 1000 * n,
        terms: termsOf(text, words),
      });
      n += 1;
    }
  }
  return out;
}

describe('buildThemes', () => {
  it('finds the topics of well separated comments', () => {
    const comments = corpus();
    const themes = buildThemes(comments);
    const of = new Map(themes.flatMap((t) => t.commentIds.map((id) => [id, t.id] as const)));
    const clusters = comments.map((c) => of.get(c.id) as string);
    const gold = comments.map((c) => c.id.split('-')[0] as string);
    expect(purity(clusters, gold)).toBeGreaterThan(0.9);
    // A topic may split into sub-themes (NMI below 1) but themes never mix topics.
    expect(nmi(clusters, gold)).toBeGreaterThan(0.6);
  });

  it('gives the same themes, ids included, whatever the input order', () => {
    const comments = corpus();
    const a = buildThemes(comments);
    const b = buildThemes([...comments].reverse());
    expect(b).toEqual(a);
    expect(buildThemes(comments)).toEqual(a);
  });

  it('labels a theme with its key phrases and picks 3 representatives from different authors', () => {
    const themes = buildThemes(corpus());
    const bus = themes.find((t) => t.commentIds.every((id) => id.startsWith('bus')));
    expect(bus).toBeDefined();
    expect(bus!.keyPhrases.every((p) => TOPICS.bus!.includes(p))).toBe(true);
    expect(bus!.label).toBe(bus!.keyPhrases.join('・'));
    expect(bus!.representativeIds).toHaveLength(3);
    expect(bus!.representativeIds.every((id) => bus!.commentIds.includes(id))).toBe(true);
  });

  it('marks a theme raised by many sectors as bridging and names sectors with too few authors', () => {
    const themes = buildThemes(corpus());
    expect(themes.every((t) => t.bridging)).toBe(true);
    const one: ThemeComment[] = corpus().map((c) => (c.id.startsWith('farm') ? { ...c, sector: 'INDUSTRY' as Sector } : c));
    one[0] = { ...one[0]!, sector: 'MEDIA' };
    const farmOnly = buildThemes(one).find((t) => t.commentIds.some((id) => id.startsWith('farm')))!;
    expect(farmOnly.sectors.map((s) => s.sector)).toEqual(['INDUSTRY']);
  });

  it('marks a divide when sectors’ stances differ', () => {
    const comments = corpus().map((c, i) =>
      c.id.startsWith('bus') ? { ...c, sector: (i % 2 ? 'INDUSTRY' : 'CITIZEN') as Sector, stance: (i % 2 ? 'SUPPORT' : 'CONCERN') as Stance } : c,
    );
    const bus = buildThemes(comments).find((t) => t.commentIds.some((id) => id.startsWith('bus')))!;
    expect(bus.divide).toBe(true);
    const industry = bus.commentIds.filter((id) => Number(id.slice(4)) % 2 === 1).length;
    expect(bus.stances.find((s) => s.stance === 'SUPPORT')!.count).toBe(industry);
    expect(bus.stances.reduce((n, s) => n + s.count, 0)).toBe(bus.size);
    const calm = buildThemes(corpus()).find((t) => t.commentIds.some((id) => id.startsWith('bus')))!;
    expect(calm.divide).toBe(false);
  });

  it('keeps a theme id when later comments arrive', () => {
    const comments = corpus();
    const before = buildThemes(comments.slice(0, 80));
    const after = buildThemes(comments);
    const busBefore = before.find((t) => t.commentIds.includes('bus-00'))!;
    expect(after.find((t) => t.commentIds.includes('bus-00'))!.id).toBe(busBefore.id);
  });

  it('names the sectors that commented in scope but are silent on a theme', () => {
    const comments = corpus().map((c) => (c.id.startsWith('farm') ? { ...c, sector: 'INDUSTRY' as Sector } : c.sector === 'INDUSTRY' ? { ...c, sector: 'MEDIA' as Sector } : c));
    const farm = buildThemes(comments).find((t) => t.commentIds.some((id) => id.startsWith('farm')))!;
    expect(farm.silentSectors).toEqual(SECTORS.filter((s) => s !== 'INDUSTRY' && comments.some((c) => c.sector === s)));
    const bus = buildThemes(comments).find((t) => t.commentIds.some((id) => id.startsWith('bus')))!;
    expect(bus.silentSectors).toContain('INDUSTRY');
  });
  it('clusters more comments than the k-choosing sample the same way every time (sample seeds the run on all)', () => {
    const comments = corpus();
    // 90 comments, k chosen on 30 of them, then refined on all 90.
    const themes = buildThemes(comments, { sampleSize: 30 });
    const of = new Map(themes.flatMap((t) => t.commentIds.map((id) => [id, t.id] as const)));
    expect(purity(comments.map((c) => of.get(c.id) as string), comments.map((c) => c.id.split('-')[0] as string))).toBeGreaterThan(0.9);
    expect(buildThemes([...comments].reverse(), { sampleSize: 30 })).toEqual(themes);
  });

  it('gives no themes for no comments', () => {
    expect(buildThemes([])).toEqual([]);
  });
});

describe('facilitator edits', () => {
  it('renames a theme and merges themes into the first, keeping its id', () => {
    const comments = corpus();
    const themes = buildThemes(comments, { idPrefix: 'proposal:x~' });
    expect(themes.every((t) => t.id.startsWith('proposal:x~') && !t.renamed)).toBe(true);
    const [a, b] = themes as [(typeof themes)[0], (typeof themes)[0]];
    const edited = buildThemes(comments, { idPrefix: 'proposal:x~', merges: [[a.id, b.id]], labels: { [a.id]: '公共交通と農業' } });
    expect(edited).toHaveLength(themes.length - 1);
    const merged = edited.find((t) => t.id === a.id)!;
    expect(merged.label).toBe('公共交通と農業');
    expect(merged.renamed).toBe(true);
    expect(merged.size).toBe(a.size + b.size);
    expect([...merged.commentIds].sort()).toEqual([...a.commentIds, ...b.commentIds].sort());
    expect(edited.find((t) => t.id === b.id)).toBeUndefined();
  });
});

describe('live updates (model on a prefix, later comments join the nearest theme)', () => {
  it('builds the model on checkpoints that lag half a step behind, and names the ones needed next', () => {
    expect(themeModelSize(300)).toBe(300);
    expect(themeModelSize(400)).toBe(400);
    expect(themeModelSize(401)).toBe(384);
    expect(themeModelSize(2100)).toBe(1920);
    const wrong: number[] = [];
    for (let n = 401; n < 5000; n += 1) if (themeModelSize(n) >= n || n - themeModelSize(n) > n / 8) wrong.push(n);
    // Whatever the next comments need was already complete at n: it can be built ahead of time.
    for (let n = 380; n < 3000; n += 1) {
      for (let m = n + 1; m <= n + 2 ** (Math.floor(Math.log2(n)) - 5); m += 1) {
        const size = themeModelSize(m);
        if (size !== themeModelSize(n) && size < m && !upcomingModelSizes(n).includes(size)) wrong.push(n);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('gives the same themes from a cached model as from scratch, and reuses the model for a new comment', () => {
    const comments = corpus();
    const options = { fullBuildLimit: 40 };
    const cache = new Map<string, ThemeModel>();
    const models = { get: (f: string) => cache.get(f), set: (m: ThemeModel) => void cache.set(m.fingerprint, m) };
    const n = 88;
    const sorted = [...comments].sort((a, b) => a.createdAt - b.createdAt).slice(0, n + 1);
    const first = buildThemes(sorted.slice(0, n), { ...options, models });
    expect(cache.size).toBe(1);
    // One more comment: the model of the same prefix is reused (no new clustering)...
    const cached = buildThemes(sorted, { ...options, models });
    expect(themeModelSize(n, 40)).toBe(themeModelSize(n + 1, 40));
    expect(cache.size).toBe(1);
    // ...and the result equals a build from scratch, in any input order.
    expect(buildThemes([...sorted].reverse(), options)).toEqual(cached);
    const late = sorted[n]!;
    expect(cached.find((t) => t.commentIds.includes(late.id))!.commentIds.filter((id) => id.split('-')[0] === late.id.split('-')[0]).length).toBeGreaterThan(10);
    expect(first.map((t) => t.id).every((id) => cached.some((t) => t.id === id))).toBe(true);
  });

  it('keeps the quality of well separated topics when most comments join an existing model', () => {
    const comments = corpus();
    const themes = buildThemes(comments, { fullBuildLimit: 30 });
    const of = new Map(themes.flatMap((t) => t.commentIds.map((id) => [id, t.id] as const)));
    expect(purity(comments.map((c) => of.get(c.id) as string), comments.map((c) => c.id.split('-')[0] as string))).toBeGreaterThan(0.9);
  });
});
