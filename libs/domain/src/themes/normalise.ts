// Japanese (and English) comment text → index terms for theme clustering. Pure: the morphological
// analyser (kuromoji with IPADIC) runs in the API and hands its morphemes in (see Morpheme).

/** One morpheme as IPADIC describes it (kuromoji's surface_form, pos, pos_detail_1, basic_form). */
export interface Morpheme {
  surface: string;
  pos: string;
  posDetail1: string;
  basicForm: string;
}

/** A morphological analyser: text (already normalised) → morphemes. */
export type Tokenize = (text: string) => Morpheme[];

const EMOJI = /\p{Extended_Pictographic}(?:\u200d\p{Extended_Pictographic})*/gu;
const URL = /https?:\/\/\S+/g;
/** Variation selector 16 and the skin-tone modifiers. */
const MODIFIERS = /\u{fe0f}|\p{Emoji_Modifier}/gu;

/**
 * Dialect and colloquial spellings folded to the standard form before analysis, so that 「バスが
 * 少のうてしんどい」 and 「バスが少なくてつらい」 meet. Only unambiguous whole words are listed.
 */
const SPELLINGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/めっちゃ|めちゃくちゃ|ばり|でら|なまら|しんけん|ぶち/g, 'とても'],
  [/しんどい|えらい目/g, 'つらい'],
  [/あかん|いかん|だちかん|ダメ|駄目/g, 'だめ'],
  [/ほんま|ほんと/g, '本当'],
  [/しゃあない|しょうがない/g, '仕方ない'],
  [/おらん|おらへん|いてへん/g, 'いない'],
  [/あらへん|ないけん|ねえ(?=[。、！!？?\s]|$)/g, 'ない'],
  [/(?:じゃ|や)けん|(?:じゃ|や)から/g, 'だから'],
  [/子ども|こども|子供たち|子どもたち|こどもたち/g, '子供'],
  [/お年寄り|年寄り|高齢の方/g, '高齢者'],
  [/ばあちゃん|じいちゃん|ばあさん|じいさん/g, '高齢者'],
];

/** Terms whose variants are one concept (after analysis). */
const SYNONYMS: Readonly<Record<string, string>> = {
  子ども: '子供',
  こども: '子供',
  高齢: '高齢者',
  医者: '医師',
  お医者さん: '医師',
  ドクター: '医師',
  インバウンド: '外国人観光客',
  くるま: '車',
  クルマ: '車',
  自動車: '車',
  コミュニティバス: 'コミュニティバス',
  ツーリスト: '観光客',
  お米: '米',
  おコメ: '米',
  コメ: '米',
};

/** Nouns that carry no topic. */
const STOP_NOUNS = new Set(
  'こと もの ため よう これ それ あれ どれ ここ そこ ところ 方 ほう 等 など 私 僕 俺 わたし 自分 皆さん みなさん 皆 感じ 場合 今後 今 件 点 中 上 下 前 後 的 気 時 とき 思い 意見 提案 話 何 なに 人 方々 みんな 本当 本当に 一 二 部分 辺 側 以上 以下 頃 際 さん 様 的 事 物 毎 全体 状況 内容 可能 必要 大切 大事 重要 検討 実施 対応 推進 取り組み 取組 賛成 反対 懸念 質問 心配 期待 とても 市 町 村 地域 地元 まち 私たち 我々 うち'.split(' '),
);

/** Verbs and adjectives too common to tell themes apart (base forms). */
const STOP_PREDICATES = new Set(
  'する なる ある いる できる 思う いう 言う れる られる おる くる 来る いく 行く てる みる 見る やる 考える もらう くれる 欲しい ほしい ない いい よい 良い 多い 少ない 思える 感じる わかる 分かる 願う 下さる くださる 頂く いただく せる させる つく 出る 出す 持つ 使う 聞く 続ける 進める 作る 増やす 増える 減る 足りる 若い 大きい 難しい 高い 安い 困る 助かる 広げる 始める 作れる 変える 届ける 集まる 取れる 遠い 近い 続く'.split(
    ' ',
  ),
);

const ENGLISH_STOP = new Set(
  'a an the and or but of to in on at for with by from is are was were be been being it its this that these those we you i they he she our your their my me us them not no do does did have has had will would should could can may might must there here as so if than then too very more most also just about into over under out up down all any some such only own same other what which who whom how why when where'.split(
    ' ',
  ),
);

/** Units that make a number a KPI term (「20%」「300人」「5分」) rather than noise. */
const UNIT = /^(?:%|％|割|人|名|円|万|億|件|台|本|分|時間|日|年|か月|ヶ月|km|ｋｍ|キロ|m|ha|ヘクタール|倍|歳|才|便|回|校|軒|床|世帯|社|トン|t)$/;
const NOUN_IN_COMPOUND = new Set(['一般', '固有名詞', 'サ変接続', '形容動詞語幹', 'ナイ形容詞語幹']);
const DIGITS = /^[0-9.,]+$/;
const LATIN = /^[a-z][a-z0-9'&-]*$/;
const KATAKANA_OR_KANJI_SINGLE = /^[\p{Script=Han}]$/u;

/** Prefix of sub-word features (kanji bigrams): they help clustering and are never shown. */
export const SUBWORD = '~';

/** NFKC (全角英数 → 半角, 半角カナ → 全角), lower case, long-vowel runs folded, dialect spellings folded. */
export function normaliseText(text: string): string {
  let t = text.normalize('NFKC').toLowerCase().replace(URL, ' ');
  t = t.replace(/ー{2,}/g, 'ー').replace(/[〜~]{2,}/g, '〜').replace(/([!?！？。、])\1+/g, '$1');
  for (const [pattern, standard] of SPELLINGS) t = t.replace(pattern, standard);
  return t;
}

/** The emoji of a text, variation selectors and skin tones dropped (👍🏻 and 👍 are one term). */
export function emojiOf(text: string): string[] {
  const stripped = text.replace(MODIFIERS, '');
  return stripped.match(EMOJI) ?? [];
}

function canonical(term: string): string {
  return SYNONYMS[term] ?? term;
}

function englishStem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

function usefulNoun(term: string): boolean {
  if (STOP_NOUNS.has(term)) return false;
  if (/^[\p{Script=Hiragana}]{1,2}$/u.test(term)) return false;
  if (term.length === 1 && !KATAKANA_OR_KANJI_SINGLE.test(term)) return false;
  return !/^[\p{P}\p{S}\s]+$/u.test(term);
}

/**
 * The version of what termsOf gives. The API keeps each comment's terms in the database
 * (comment_terms) so that a restart does not re-tokenise; stored terms of another version are
 * computed again. Raise it with any change to the normaliser or its word lists.
 */
export const THEME_TERMS_VERSION = 1;

/**
 * Index terms of one comment, in order: compound nouns (「デマンド交通」) and their parts (「交通」),
 * KPI numbers with their unit (「20%」), base forms of content verbs and adjectives (「通う」「高い」),
 * English words (lower case, plural folded) and emoji. Stop words are dropped.
 */
export function termsOf(text: string, tokenize: Tokenize): string[] {
  const normalised = normaliseText(text);
  const terms: string[] = emojiOf(normalised);
  const withoutEmoji = normalised.replace(MODIFIERS, '').replace(EMOJI, ' ');
  let compound: Morpheme[] = [];

  const flushWords = (parts: Morpheme[]) => {
    const words = parts.filter((m, i) => !(m.posDetail1 === '接尾' && i === 0));
    if (words.length === 0) return;
    const surface = words.map((m) => m.surface).join('');
    if (words.length > 1 && usefulNoun(surface) && !words.every((m) => LATIN.test(m.surface))) terms.push(canonical(surface));
    for (const m of words) pushBigrams(m.surface);
    for (const m of words) if (m.posDetail1 !== '接尾' && m.pos !== '接頭詞') pushNoun(m.surface);
  };
  const flush = () => {
    if (compound.length === 0) return;
    const parts = compound;
    compound = [];
    // A number followed by its unit is a KPI term (「20%」); a bare number carries nothing.
    const numberAt = parts.findIndex((m) => m.posDetail1 === '数' && DIGITS.test(m.surface));
    if (numberAt < 0) return flushWords(parts);
    flushWords(parts.slice(0, numberAt));
    const unit = parts[numberAt + 1];
    const hasUnit = !!unit && UNIT.test(unit.surface);
    if (hasUnit) terms.push(`${parts[numberAt]!.surface.replace(/,/g, '')}${unit.surface}`);
    // The words after the KPI («20%増» → 増 is a suffix, dropped) form their own compound.
    compound = parts.slice(numberAt + (hasUnit ? 2 : 1));
    flush();
  };
  // Kanji words sharing a bigram are near in meaning (保育園・保育士・保育所): the bigrams are extra
  // features (marked with SUBWORD), never shown as key phrases.
  const pushBigrams = (surface: string) => {
    if (!/^[\p{Script=Han}]{3,}$/u.test(surface)) return;
    for (let i = 0; i + 2 <= surface.length; i += 1) terms.push(`${SUBWORD}${surface.slice(i, i + 2)}`);
  };
  const pushNoun = (surface: string) => {
    if (LATIN.test(surface)) {
      const w = englishStem(surface);
      if (!ENGLISH_STOP.has(surface) && w.length > 1) terms.push(w);
      return;
    }
    const term = canonical(surface);
    if (usefulNoun(term)) terms.push(term);
  };

  for (const m of tokenize(withoutEmoji)) {
    const inCompound =
      (m.pos === '名詞' && (NOUN_IN_COMPOUND.has(m.posDetail1) || m.posDetail1 === '数' || (m.posDetail1 === '接尾' && compound.length > 0))) ||
      (m.pos === '接頭詞' && m.posDetail1 === '名詞接続');
    // English words stay words: 「bus stop」 are two terms, not one compound.
    if (inCompound && !(LATIN.test(m.surface) && compound.length > 0)) {
      compound.push(m);
      continue;
    }
    flush();
    if (inCompound) {
      compound.push(m);
      continue;
    }
    if ((m.pos === '動詞' || m.pos === '形容詞') && m.posDetail1 === '自立') {
      const base = m.basicForm && m.basicForm !== '*' ? m.basicForm : m.surface;
      if (!STOP_PREDICATES.has(base)) terms.push(canonical(base));
    }
  }
  flush();
  return terms;
}
