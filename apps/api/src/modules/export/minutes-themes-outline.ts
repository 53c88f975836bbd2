import { formatPercent } from '@yoriai/domain';
import type { MinutesDocument } from '../minutes/minutes-document';
import type { MinutesTheme } from '../minutes/minutes-themes';
import type { Lang } from './export-labels';
import type { Block } from './minutes-outline';

type T = { ja: string; en: string };
const t = (ja: string, en: string): T => ({ ja, en });

/** Labels of the 「主な論点」 section (the rest of the minutes' labels are in export-labels.ts). */
const TL = {
  heading: t('主な論点', 'Main themes'),
  explain: (n: number) =>
    t(
      `会議中に寄せられた意見 ${n.toLocaleString('ja')} 件を、サーバー上で形態素解析とクラスタリングにより自動で分類しました（外部のAIサービスは使っていません。同じ意見からは同じ結果になります）。議事概要の下書きとしてお使いください。`,
      `The ${n.toLocaleString('en')} comments made during the meeting, grouped automatically on the server by morphological analysis and clustering (no outside AI service; the same comments always give the same themes). A starting point for the summary.`,
    ),
  none: t('会議中の意見がないため、論点はありません。', 'No comments were made during the meeting, so there are no themes.'),
  keyPhrases: t('キーフレーズ', 'Key phrases'),
  size: t('意見数', 'Comments'),
  count: (n: number) => t(`${n.toLocaleString('ja')} 件`, `${n.toLocaleString('en')}`),
  sectors: t('発言した分野', 'Sectors raising it'),
  small: t('3人未満のため件数は非表示', 'fewer than 3 people: figures not shown'),
  silent: t('発言のない分野', 'Silent sectors'),
  stances: t('立場', 'Stances'),
  flags: t('特徴', 'Features'),
  bridging: t('分野横断（多くの分野が取り上げた論点）', 'Bridging (raised by many sectors)'),
  divide: t('分野間で賛否が分かれている', 'Divide (sectors differ in support)'),
  renamed: t('名称はファシリテーターが設定', 'named by the facilitator'),
  representatives: t('代表的な意見（原文）', 'Representative comments (verbatim)'),
  suppression: t(
    '分野別の件数は、その論点で発言した人が3人以上の分野だけを示します（少人数の分野は名前のみ）。非表示にされた意見は含みません。',
    'Per-sector figures are shown only for sectors with at least 3 people on the theme (smaller ones are named only). Hidden comments are never included.',
  ),
};

const join = (items: string[], lang: Lang) => items.join(lang === 'ja' ? '、' : ', ');
const paren = (text: string, inner: string, lang: Lang) => (lang === 'ja' ? `${text}（${inner}）` : `${text} (${inner})`);

function themeBlocks(theme: MinutesTheme, index: number, lang: Lang): Block[] {
  const counted = theme.sectors.map((s) => paren(`${s.label[lang]} ${TL.count(s.count)[lang]}`, formatPercent(s.share), lang));
  const small = theme.smallSectors.length ? [paren(join(theme.smallSectors.map((s) => s.label[lang]), lang), TL.small[lang], lang)] : [];
  const flags = [theme.bridging ? TL.bridging[lang] : null, theme.divide ? TL.divide[lang] : null, theme.renamed ? TL.renamed[lang] : null].filter((x): x is string => !!x);
  const rows: Array<[string, string]> = [
    [TL.keyPhrases[lang], theme.keyPhrases.length ? join(theme.keyPhrases, lang) : '—'],
    [TL.size[lang], TL.count(theme.size)[lang]],
    [TL.sectors[lang], join([...counted, ...small], lang) || '—'],
    [TL.silent[lang], theme.silentSectors.length ? join(theme.silentSectors.map((s) => s.label[lang]), lang) : '—'],
    [TL.stances[lang], theme.stances.filter((s) => s.count > 0).map((s) => `${s.label[lang]} ${s.count}`).join(lang === 'ja' ? '・' : ' · ') || '—'],
  ];
  if (flags.length) rows.push([TL.flags[lang], join(flags, lang)]);
  const out: Block[] = [{ kind: 'heading', level: 3, text: `${index + 1}. ${theme.label}` }, { kind: 'fields', rows }];
  if (theme.representatives.length) {
    out.push({ kind: 'heading', level: 4, text: TL.representatives[lang] });
    out.push({ kind: 'list', items: theme.representatives.map((r) => ({ lead: `[${r.sectorLabel[lang]}・${r.stanceLabel[lang]}]`, text: r.body })) });
  }
  return out;
}

/** 「主な論点」 (absent from documents frozen before the section existed). */
export function minutesThemeBlocks(doc: MinutesDocument, lang: Lang): Block[] {
  const section = doc.themes;
  if (!section) return [];
  const out: Block[] = [{ kind: 'heading', level: 2, text: TL.heading[lang] }];
  if (!section.themes.length) return [...out, { kind: 'text', text: TL.none[lang], muted: true }];
  out.push({ kind: 'text', text: TL.explain(section.comments)[lang], muted: true });
  section.themes.forEach((theme, i) => out.push(...themeBlocks(theme, i, lang)));
  out.push({ kind: 'text', text: TL.suppression[lang], muted: true });
  return out;
}
