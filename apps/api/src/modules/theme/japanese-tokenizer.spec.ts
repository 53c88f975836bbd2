import { termsOf, type Tokenize } from '@yoriai/domain';
import { japaneseTokenizer } from './japanese-tokenizer';

describe('Japanese comment terms (kuromoji + normaliser)', () => {
  let tokenize: Tokenize;
  beforeAll(async () => {
    tokenize = await japaneseTokenizer();
  });
  const terms = (text: string) => termsOf(text, tokenize);

  it('loads the dictionary once and shares it', async () => {
    expect(await japaneseTokenizer()).toBe(tokenize);
  });

  it('keeps compound nouns and their parts, drops particles and stop words', () => {
    const t = terms('デマンド交通を導入すべきだと思います。');
    expect(t).toEqual(expect.arrayContaining(['デマンド交通', 'デマンド', '交通', '導入']));
    expect(t).not.toContain('を');
    expect(t).not.toContain('思う');
    expect(t).not.toContain('する');
  });

  it('reads 全角 numbers and letters as half-width KPI terms with their unit', () => {
    expect(terms('ＫＰＩは観光客数２０％増、移住者３００人')).toEqual(expect.arrayContaining(['kpi', '20%', '300人', '観光客数', '移住者']));
    expect(terms('観光客数20%増')).toEqual(terms('観光客数２０％増'));
  });

  it('keeps emoji as terms (skin tones and variation selectors folded)', () => {
    const t = terms('バスがなくなって泣いてます😢👍🏻');
    expect(t).toEqual(expect.arrayContaining(['😢', '👍', 'バス', '泣く']));
    expect(terms('賛成👍')).toContain('👍');
  });

  it('joins カタカナ compounds and 半角カナ alike', () => {
    expect(terms('ｺﾐｭﾆﾃｨﾊﾞｽの本数')).toEqual(terms('コミュニティバスの本数'));
    expect(terms('ワーケーションプランを作りたい')).toContain('ワーケーションプラン');
  });

  it('folds 方言 spellings to the standard form', () => {
    expect(terms('バスがのうなって、ほんまにしんどいわ')).toEqual(expect.arrayContaining(['バス', 'つらい']));
    expect(terms('子どもの医療費')).toEqual(terms('こどもの医療費'));
    expect(terms('お年寄りの通院')).toContain('高齢者');
  });

  it('uses verbs’ base forms', () => {
    expect(terms('病院に通っていた')).toContain('通う');
    expect(terms('病院に通いたい')).toContain('通う');
    expect(terms('病院に通うのが大変')).toContain('通う');
  });

  it('handles English comments: lower case, plurals folded, stop words dropped', () => {
    const t = terms('More EV charging stations are needed for Tourists');
    expect(t).toEqual(expect.arrayContaining(['ev', 'charging', 'station', 'tourist']));
    expect(t).not.toContain('are');
    expect(t).not.toContain('for');
  });
});
