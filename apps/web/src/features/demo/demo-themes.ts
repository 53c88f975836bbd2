/**
 * The demo's 広聴 part: residents and members of every sector join the live workshop by code and
 * comment on its agenda's proposals, so that 「いま出ている論点」 (console, projector), the analytics
 * page's themes × sectors and the minutes' 「主な論点」 have something to show. Three or more people
 * per sector, so the sector mix shows figures (smaller sectors are only named); 言 has one voice on
 * purpose. Fictional people; plain data and one function (tools/demo.mjs transpiles this file too).
 */
import type { DemoSector, DemoStance } from './demo-content.ts';

export const THEME_GUESTS: { key: string; name: string; organization: string | null; sector: DemoSector }[] = [
  ...(['INDUSTRY', 'GOVERNMENT', 'ACADEMIA', 'FINANCE', 'LABOUR', 'CITIZEN'] as const).flatMap((sector, s) =>
    [1, 2, 3].map((n) => ({ key: `t-${sector}-${n}`, name: `${['産業', '行政', '大学', '金融', '労働', '住民'][s]}の参加者${n}`, organization: null, sector })),
  ),
  { key: 't-MEDIA-1', name: '報道の参加者1', organization: 'みなと川タイムス', sector: 'MEDIA' },
];

/** [proposal key, stance, body]; authors rotate over THEME_GUESTS. */
export const THEME_COMMENTS: ReadonlyArray<readonly [string, DemoStance, string]> = [
  ['ondemand', 'SUPPORT', '路線バスが1日4本しかなく、通院の帰りに2時間待つことがあります。デマンド交通に賛成です🚌'],
  ['ondemand', 'CONCERN', 'デマンド交通の予約がスマホだけだと、高齢者は使えません。電話予約を必ず残してください。'],
  ['ondemand', 'SUPPORT', '高校生の通学と部活の帰りにバスが無い。夜の便を増やしてほしい。'],
  ['ondemand', 'QUESTION', '乗合タクシーの運転手は確保できるのでしょうか。運転手不足が心配です。'],
  ['ondemand', 'SUPPORT', 'バスの乗り継ぎを病院と駅で合わせれば、通院の足はかなり良くなります。'],
  ['ondemand', 'CONCERN', '交通空白地域のバス路線を廃止しないでほしい。デマンドだけでは不安です。'],
  ['ondemand', 'SUPPORT', 'ほんまにバスがのうなって困っとる。車を手放した年寄りの足を守ってほしい。'],
  ['ondemand', 'QUESTION', '運賃はいくらになりますか。路線バスより高いと使わない人も出ます。'],
  ['ondemand', 'SUPPORT', '通院と買い物のためのデマンド交通を、まず北浜地区で試してはどうでしょう。'],
  ['ondemand', 'SUPPORT', '観光客も使えるようにすれば、バスの採算も良くなるはずです。'],
  ['bousai', 'CONCERN', '津波避難タワーまで高齢者が歩いて間に合うか心配です。避難訓練を夜にもやってほしい。'],
  ['bousai', 'SUPPORT', '避難所の備蓄と発電機を増やすことに賛成。停電した時に携帯が充電できない。'],
  ['bousai', 'SUPPORT', '防災無線が聞こえない地区があります。避難の情報をスマホにも流してください。'],
  ['bousai', 'QUESTION', '要支援者の避難を誰が手伝うのか、町内会ごとに決まっていますか。'],
  ['bousai', 'SUPPORT', '津波の避難路に街灯をつけてほしい。夜の避難が怖いです。'],
  ['akiya', 'SUPPORT', '空き家を改修して移住者向けのお試し住宅にするのは良いと思います🏠'],
  ['akiya', 'CONCERN', '空き家の持ち主が分からず改修が進まない。相続の相談窓口が必要です。'],
  ['akiya', 'SUPPORT', '空き家バンクに若い世帯向けの家賃補助をつけてほしい。子育て世帯が住める家が足りない。'],
  ['akiya', 'QUESTION', '空き家の改修費用を金融機関が低利で融資する仕組みはありますか。'],
  ['akiya', 'SUPPORT', '古民家を宿泊施設にすれば観光にも使えます。空き家の活用に賛成です。'],
  ['kaki', 'SUPPORT', '牡蠣小屋を通年で営業できれば、冬以外も観光客が来てくれます🦪'],
  ['kaki', 'CONCERN', '観光客が増えると駐車場が足りず、住民の生活道路が渋滞します。'],
  ['kaki', 'SUPPORT', '牡蠣のブランド化と海外への輸出で、漁業の若い担い手を増やしたい。'],
  ['kaki', 'CONCERN', '観光客のごみと騒音が心配です。住民の暮らしとのルールを先に決めてほしい。'],
  ['kaki', 'SUPPORT', 'インバウンドの観光客向けに、英語と中国語の案内を港に置いてほしい。'],
  ['kaki', 'CONCERN', '観光より先に、牡蠣の養殖場の水質と海の環境を守る対策をお願いします。'],
  ['kaki', 'SUPPORT', '牡蠣の観光ツアーを旅館と組めば、宿泊客が増えて地元にお金が落ちます。'],
  ['satellite', 'SUPPORT', 'サテライトオフィスでテレワークできれば、都会の仕事を続けたまま移住できます。'],
  ['satellite', 'QUESTION', 'サテライトオフィスの通信回線は十分ですか。オンライン会議が途切れると困ります。'],
  ['satellite', 'SUPPORT', '子育て中でも働けるよう、オフィスに一時保育があると女性の仕事が増えます。'],
  ['satellite', 'CONCERN', '企業を誘致しても地元の雇用につながらないのでは。地元採用の目標をKPIに入れてほしい。'],
  ['satellite', 'SUPPORT', '大学生のインターンをサテライトオフィスの企業で受け入れてほしい。'],
];

export interface ThemeSeedContext {
  join(guest: (typeof THEME_GUESTS)[number]): Promise<string>;
  comment(proposalKey: string, stance: DemoStance, body: string, token: string, key: string): Promise<void>;
}

/** Joins the theme guests and posts their comments during the live meeting. */
export async function seedThemeComments(ctx: ThemeSeedContext): Promise<void> {
  const tokens: string[] = [];
  for (const g of THEME_GUESTS) tokens.push(await ctx.join(g));
  for (const [i, [proposal, stance, body]] of THEME_COMMENTS.entries()) {
    await ctx.comment(proposal, stance, body, tokens[i % tokens.length] as string, `theme-${i}`);
  }
}
