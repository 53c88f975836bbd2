/**
 * The demo workshop: a small fictional city, 架空の「みなと川市」, deliberating its 地方創生2.0
 * regional vision. Every person, organisation and figure here is invented.
 *
 * Plain data only (no imports): tools/demo.mjs transpiles this file and seed.ts for Node.
 */

export type DemoSector = 'INDUSTRY' | 'GOVERNMENT' | 'ACADEMIA' | 'FINANCE' | 'LABOUR' | 'MEDIA' | 'CITIZEN';
export type DemoRole = 'ORGANIZER' | 'FACILITATOR' | 'SECRETARIAT' | 'PARTICIPANT' | 'OBSERVER';
export type DemoStance = 'SUPPORT' | 'CONCERN' | 'QUESTION' | 'NEUTRAL';
export type DemoChoice = 'AGREE' | 'DISAGREE' | 'ABSTAIN' | 'BLOCK';

export interface DemoPerson {
  key: string;
  name: string;
  organization: string;
  sector: DemoSector;
  role: DemoRole;
}

export interface DemoComment {
  key: string;
  by: string;
  stance: DemoStance;
  body: string;
  replyTo?: string;
}

export interface DemoProposal {
  key: string;
  /** 1-based position of the default 地方創生2.0 pillar */
  pillar: number;
  by: string;
  title: string;
  body: string;
  kpis: { indicator: string; baseline: string | null; target: string; deadline: string | null }[];
  comments: DemoComment[];
}

export const DEMO_PROCESS = {
  title: 'みなと川市 地方創生2.0 地域ビジョン協議会',
  description: [
    'みなと川市（架空の市・人口約4万2千人）が、地方創生2.0の「基本構想の５本柱」に沿って、',
    '産業界・行政・大学・金融機関・労働団体・報道（産官学金労言）と住民の皆さんで、10年後の地域ビジョンを話し合う協議会です。',
    '',
    '- 提案は柱ごとに投稿し、KPI（数値目標）を添えてください。',
    '- 採決は「産官学金労言合意」で行います。どの分野も置き去りにしないための決め方です。',
    '- 反対意見と懸念は「少数意見」として記録し、事務局が回答します。',
  ].join('\n'),
};

export const DEMO_PEOPLE: DemoPerson[] = [
  { key: 'organizer', name: '佐藤 由紀子', organization: 'みなと川市 企画政策課', sector: 'GOVERNMENT', role: 'ORGANIZER' },
  { key: 'facilitator', name: '高橋 健一', organization: 'みなと川大学 地域連携センター', sector: 'ACADEMIA', role: 'FACILITATOR' },
  { key: 'secretariat', name: '伊藤 美咲', organization: 'みなと川市 企画政策課（協議会事務局）', sector: 'GOVERNMENT', role: 'SECRETARIAT' },
  { key: 'tanaka', name: '田中 誠', organization: 'みなと川商工会議所', sector: 'INDUSTRY', role: 'PARTICIPANT' },
  { key: 'yamamoto', name: '山本 さくら', organization: 'みなと川温泉旅館組合', sector: 'INDUSTRY', role: 'PARTICIPANT' },
  { key: 'watanabe', name: '渡辺 大輔', organization: 'みなと川漁業協同組合', sector: 'INDUSTRY', role: 'PARTICIPANT' },
  { key: 'nakamura', name: '中村 浩二', organization: '県 港湾地域振興局', sector: 'GOVERNMENT', role: 'PARTICIPANT' },
  { key: 'kobayashi', name: '小林 直子', organization: '県立みなと川高等学校', sector: 'ACADEMIA', role: 'PARTICIPANT' },
  { key: 'kato', name: '加藤 修', organization: 'みなと川信用金庫 地域支援部', sector: 'FINANCE', role: 'PARTICIPANT' },
  { key: 'yoshida', name: '吉田 恵', organization: 'みなと川地域労働組合協議会', sector: 'LABOUR', role: 'PARTICIPANT' },
  { key: 'yamada', name: '山田 拓也', organization: 'みなと川新報 編集部', sector: 'MEDIA', role: 'PARTICIPANT' },
  { key: 'inoue', name: '井上 陽子', organization: '汐見地区 子育てサークル「しおみっこ」', sector: 'CITIZEN', role: 'PARTICIPANT' },
];

/** Residents who join the live workshop with the code, as guests (no account). */
export const DEMO_GUESTS: { key: string; name: string; organization: string | null; sector: DemoSector }[] = [
  { key: 'matsumoto', name: '松本 葵', organization: 'みなと川大学 経済学部3年', sector: 'CITIZEN' },
  { key: 'kimura', name: '木村 正男', organization: '北浜町内会', sector: 'CITIZEN' },
];

export const DEMO_PROPOSALS: DemoProposal[] = [
  {
    key: 'akiya',
    pillar: 1,
    by: 'inoue',
    title: '空き家を子育て世帯向け住宅に再生する「しおみリノベ住宅」事業',
    body: [
      '## 背景',
      '市内の空き家は約1,900戸（住宅・土地統計調査ベースの市推計）に増えています。一方で、子育て世帯からは',
      '「庭のある広い家に住みたいが、新築は高すぎる」という声が多く寄せられています。',
      '',
      '## 提案',
      '1. 市が空き家バンクの登録物件を借り上げ、地元工務店がリノベーションして子育て世帯に貸し出します。',
      '2. 家賃は近隣相場の7割程度とし、10年間住んだ世帯には買い取りの選択肢を設けます。',
      '3. 改修は耐震・断熱を必須とし、保育所・小学校から徒歩15分以内の物件を優先します。',
      '',
      '## 期待される効果',
      '- 子育て世帯の転入・定住',
      '- 地元工務店の仕事づくり',
      '- 空き家の放置による防災・防犯上の不安の解消',
    ].join('\n'),
    kpis: [
      { indicator: '子育て世帯の転入数', baseline: '年間42世帯', target: '年間80世帯', deadline: '2029-03-31' },
      { indicator: 'リノベ住宅の供給戸数（累計）', baseline: '0戸', target: '60戸', deadline: '2030-03-31' },
    ],
    comments: [
      { key: 'akiya-1', by: 'tanaka', stance: 'SUPPORT', body: '工務店の仕事が冬場に減るので、改修の発注時期をならしてもらえると地元にとって大きいです。商工会議所として施工業者のリストづくりに協力します。' },
      { key: 'akiya-2', by: 'kato', stance: 'QUESTION', body: '借り上げの期間と、改修費の回収の見込みを教えてください。買い取りを選ぶ世帯向けに、信用金庫で住宅ローンの優遇枠を用意できるか検討したいと思います。' },
      { key: 'akiya-3', by: 'organizer', stance: 'NEUTRAL', replyTo: 'akiya-2', body: '借り上げは15年を想定しています。改修費は1戸あたり平均約900万円で、家賃収入と国の交付金で12年程度での回収を見込んでいます。ローン優遇の検討、ぜひお願いします。' },
      { key: 'akiya-4', by: 'yamada', stance: 'CONCERN', body: '所有者が市外に住んでいて連絡がつかない空き家が多いと取材で聞きました。登録物件だけでは目標の60戸に届かないのではないでしょうか。' },
    ],
  },
  {
    key: 'bousai',
    pillar: 1,
    by: 'nakamura',
    title: '全22地区で「地区防災計画」を住民主体で策定する',
    body: [
      '南海トラフ地震の津波想定区域に、市の人口の約3割が暮らしています。',
      '自主防災組織の高齢化も進んでおり、「誰が・いつ・どこへ」を地区ごとに決めておく必要があります。',
      '',
      '- 県の防災士派遣制度を使い、各地区で年2回のワークショップを開きます。',
      '- 高校生を「地区防災サポーター」として登録し、避難訓練の企画に参加してもらいます。',
    ].join('\n'),
    kpis: [
      { indicator: '地区防災計画の策定地区数', baseline: '3地区', target: '22地区（全地区）', deadline: '2028-03-31' },
      { indicator: '避難訓練への参加率', baseline: '18%', target: '40%', deadline: '2028-03-31' },
    ],
    comments: [
      { key: 'bousai-1', by: 'kobayashi', stance: 'SUPPORT', body: '生徒たちは地元の役に立ちたいと思っています。授業の「総合的な探究の時間」と組み合わせれば、毎年継続できると思います。' },
    ],
  },
  {
    key: 'satellite',
    pillar: 2,
    by: 'nakamura',
    title: '旧みなと川中学校をサテライトオフィスとお試し移住の拠点にする',
    body: [
      '統合で閉校した旧みなと川中学校（港から徒歩5分）を改修し、',
      '首都圏企業のサテライトオフィスと、最長3か月滞在できる「お試し移住住宅」を一体で整備します。',
      '',
      '- 1階：コワーキングスペースと地元事業者との交流スペース',
      '- 2階：企業向け個室オフィス（8室）',
      '- 旧体育館：地域イベントにも開放',
    ].join('\n'),
    kpis: [
      { indicator: '進出企業数（累計）', baseline: '3社', target: '15社', deadline: '2029-03-31' },
      { indicator: 'お試し移住の利用者数', baseline: '年間20人', target: '年間120人', deadline: '2028-03-31' },
    ],
    comments: [
      { key: 'sat-1', by: 'yoshida', stance: 'CONCERN', body: '進出企業が地元で採用する人数の目標も入れてください。オフィスだけ来て、地元の雇用につながらない例を他市で見てきました。' },
      { key: 'sat-2', by: 'tanaka', stance: 'SUPPORT', replyTo: 'sat-1', body: '同感です。地元採用の人数をKPIに加え、進出企業と地元企業の合同説明会を年2回開くのはどうでしょうか。' },
    ],
  },
  {
    key: 'kaki',
    pillar: 3,
    by: 'yamamoto',
    title: 'みなと川ブランド牡蠣の高付加価値化と「食べに来る観光」',
    body: [
      '市の牡蠣は品質が高い一方、ほとんどが殻付きのまま市外の市場に出荷され、地域に残る付加価値が小さいのが課題です。',
      '',
      '1. 漁協・旅館組合・高校の食品科学科で、加工品（オイル漬け・燻製）を共同開発します。',
      '2. 11月〜3月の「牡蠣小屋」を港に常設し、旅館の宿泊プランと組み合わせます。',
      '3. 信用金庫と連携し、設備投資向けの低利融資とクラウドファンディングを組み合わせます。',
    ].join('\n'),
    kpis: [
      { indicator: '観光消費額', baseline: '年間48億円', target: '年間65億円', deadline: '2029-03-31' },
      { indicator: '牡蠣の加工品の商品数', baseline: '8品', target: '20品', deadline: '2028-03-31' },
    ],
    comments: [
      { key: 'kaki-1', by: 'kato', stance: 'SUPPORT', body: '設備投資の相談はすでに3件来ています。融資とクラウドファンディングの組み合わせは、初めての事業者にも使いやすいはずです。' },
      { key: 'kaki-2', by: 'yoshida', stance: 'QUESTION', body: '冬場だけの仕事になると、働く人の収入が安定しません。通年雇用にする工夫はありますか。' },
    ],
  },
  {
    key: 'ondemand',
    pillar: 4,
    by: 'nakamura',
    title: 'AIオンデマンド交通「みなとライド」を全市域で運行する',
    body: [
      '路線バスの減便で、郊外の集落では「病院や買い物に行けない」という声が増えています。',
      'スマートフォンや電話で予約すると、AIが相乗りのルートを決めて自宅近くまで迎えに来る',
      'オンデマンド交通を、現在の実証エリア（北浜地区）から全市域に広げます。',
      '',
      '- 電話予約を残し、スマートフォンを使わない高齢者も利用できるようにします。',
      '- 運転手は、地元のタクシー・バス事業者から雇用します。',
      '- 夜22時まで運行し、高校生・大学生の帰宅にも使えるようにします。',
    ].join('\n'),
    kpis: [
      { indicator: '交通空白地域に住む人のカバー率', baseline: '62%', target: '95%', deadline: '2028-03-31' },
      { indicator: '65歳以上の週あたり外出回数', baseline: '2.1回', target: '3.0回', deadline: '2029-03-31' },
    ],
    comments: [
      { key: 'od-1', by: 'yoshida', stance: 'CONCERN', body: '既存のタクシー・バスの運転手の雇用への影響が心配です。移行計画に、雇用の継続と処遇を明記してください。' },
      { key: 'od-2', by: 'nakamura', stance: 'NEUTRAL', replyTo: 'od-1', body: '事業者との協議会を設け、運転手の皆さんにはオンデマンド車両の乗務員として働いていただく前提で進めています。処遇は協議会で具体化し、計画に書き込みます。' },
      { key: 'od-3', by: 'kato', stance: 'QUESTION', body: '運行経費の年額の見込みと、国の交付金が終わった後の財源はどう考えていますか。' },
      { key: 'od-4', by: 'organizer', stance: 'NEUTRAL', replyTo: 'od-3', body: '全市域で年間約4,800万円の見込みです。当初3年は国の交付金を活用し、その後は運賃収入と、商業施設・病院からの協賛金で約半分をまかなう計画です。' },
      { key: 'od-5', by: 'inoue', stance: 'SUPPORT', body: '子どもの習い事の送迎に使えると本当に助かります。予約の画面が分かりやすいことが、普及の鍵だと思います。' },
    ],
  },
  {
    key: 'roundtable',
    pillar: 5,
    by: 'facilitator',
    title: '「産官学金労言」円卓会議を常設し、高校生・大学生の参加枠を設ける',
    body: [
      'これまでの計画づくりは、審議会で意見を「聞く」ことが中心でした。',
      '分野をまたいで議論し、合意したことを記録に残して実行まで追いかける場として、',
      '産官学金労言と住民による円卓会議を常設します。',
      '',
      '- 年6回開催し、うち2回は夜間・オンライン併用で働く世代が参加しやすくします。',
      '- 毎回、高校生・大学生の参加枠（各回5人以上）を設けます。',
      '- 合意記録と議事録は市のウェブサイトでオープンデータとして公開します。',
    ].join('\n'),
    kpis: [
      { indicator: '円卓会議の開催回数', baseline: '年0回', target: '年6回', deadline: '2027-03-31' },
      { indicator: '高校生・大学生の参加者数（延べ）', baseline: '0人', target: '年60人', deadline: '2028-03-31' },
    ],
    comments: [
      { key: 'rt-1', by: 'kobayashi', stance: 'SUPPORT', body: '高校生の参加枠はぜひ実現してほしいです。学校の行事と重ならないよう、日程は早めに共有してください。' },
      { key: 'rt-2', by: 'tanaka', stance: 'CONCERN', body: '会議の数が増えると、中小企業の経営者は参加が難しくなります。開催時間と、オンライン参加の方法を工夫してください。' },
      { key: 'rt-3', by: 'facilitator', stance: 'NEUTRAL', replyTo: 'rt-2', body: 'ご指摘を受けて、年2回は夜19時からのオンライン併用としました。資料は1週間前に共有します。' },
    ],
  },
];

/** The previous workshop, where the decided proposal was voted on; it has ended, so its minutes draft exists. */
export const DEMO_PAST_MEETING = {
  title: '第2回 地域ビジョン協議会ワークショップ',
  location: 'みなと川市役所 301会議室',
  agendaTitle: '⑤ 産官学金労言の連携：円卓会議の常設',
  summary: [
    '「産官学金労言」円卓会議の常設について、産官学金労言合意（基準60%・4分野以上）で採決し、全7分野で基準を満たして採択した。',
    '産業界から開催回数の負担について反対意見があり、事務局は年2回を夜間・オンライン併用とし、1年後に開催回数を見直すと回答した。',
    '第1回円卓会議の準備（企画政策課）と高校生参加枠の募集（県立みなと川高校）をアクション項目とした。',
  ].join('\n'),
};

/** The decided proposal: votes of the closed round (reason optional). */
export const DEMO_DECIDED = {
  proposal: 'roundtable',
  votes: [
    { by: 'organizer', choice: 'AGREE' as DemoChoice, reason: null },
    { by: 'facilitator', choice: 'AGREE' as DemoChoice, reason: null },
    { by: 'tanaka', choice: 'DISAGREE' as DemoChoice, reason: '趣旨には賛成ですが、年6回は中小企業の経営者には負担が大きいと考えます。まずは年4回から始めるべきです。' },
    { by: 'yamamoto', choice: 'AGREE' as DemoChoice, reason: '観光の現場の声を届ける場ができるのは心強いです。' },
    { by: 'watanabe', choice: 'AGREE' as DemoChoice, reason: '漁業者の後継ぎ世代にも参加を呼びかけます。' },
    { by: 'nakamura', choice: 'AGREE' as DemoChoice, reason: null },
    { by: 'kobayashi', choice: 'AGREE' as DemoChoice, reason: '生徒が地域の意思決定に関われる、貴重な機会になります。' },
    { by: 'kato', choice: 'AGREE' as DemoChoice, reason: null },
    { by: 'yoshida', choice: 'AGREE' as DemoChoice, reason: '夜間開催を入れていただいたので賛成します。' },
    { by: 'yamada', choice: 'AGREE' as DemoChoice, reason: null },
    { by: 'inoue', choice: 'AGREE' as DemoChoice, reason: '子育て中でもオンラインで参加できるのがありがたいです。' },
  ],
  actionItems: [
    { title: '第1回円卓会議の開催（会場・日程の確定と案内）', ownerOrganization: 'みなと川市 企画政策課', ownerSector: 'GOVERNMENT' as DemoSector, dueDate: '2026-06-30', kpi: '参加者30人以上（うち高校生・大学生5人以上）' },
    { title: '高校生参加枠の募集と学校行事との日程調整', ownerOrganization: '県立みなと川高等学校', ownerSector: 'ACADEMIA' as DemoSector, dueDate: '2026-05-31', kpi: '参加希望者10人以上' },
  ],
  dissentResponse:
    'ご意見を踏まえ、初年度は年6回のうち2回を夜間・オンライン併用とし、商工会議所の定例会の日程と重ならないよう調整します。1年後に開催回数を見直します。',
};

/** The live workshop: its agenda follows the pillars; the current item is voting now. */
export const DEMO_MEETING = {
  title: '第3回 地域ビジョン協議会ワークショップ',
  location: 'みなと川市民交流センター 大ホール',
  agenda: [
    { title: '① 暮らしの環境：住まいと防災', pillar: 1, proposals: ['akiya', 'bousai'], plannedMinutes: 25 },
    { title: '② 人と企業の地方分散', pillar: 2, proposals: ['satellite'], plannedMinutes: 20 },
    { title: '③ 牡蠣と観光で稼ぐ地域経済', pillar: 3, proposals: ['kaki'], plannedMinutes: 20 },
    { title: '④ デジタル：オンデマンド交通', pillar: 4, proposals: ['ondemand'], plannedMinutes: 30 },
  ],
  currentItem: 3,
  votingProposal: 'ondemand',
  liveVotes: [
    { by: 'tanaka', choice: 'AGREE' as DemoChoice, reason: '通勤の足としても期待しています。' },
    { by: 'yamamoto', choice: 'AGREE' as DemoChoice, reason: '旅館のお客様の二次交通にもなります。' },
    { by: 'nakamura', choice: 'AGREE' as DemoChoice, reason: null },
    { by: 'kobayashi', choice: 'AGREE' as DemoChoice, reason: null },
    { by: 'kato', choice: 'ABSTAIN' as DemoChoice, reason: '財源計画の詳細を確認してから判断したいです。' },
    { by: 'yoshida', choice: 'DISAGREE' as DemoChoice, reason: '運転手の処遇が計画に書かれるまでは賛成できません。' },
    { by: 'inoue', choice: 'AGREE' as DemoChoice, reason: null },
  ],
  guestVotes: [
    { by: 'matsumoto', choice: 'AGREE' as DemoChoice, reason: '夜の講義の後でも帰れるようになります。' },
    { by: 'kimura', choice: 'AGREE' as DemoChoice, reason: null },
  ],
  guestComments: [
    { key: 'g-1', by: 'matsumoto', stance: 'SUPPORT' as DemoStance, proposal: 'ondemand', body: '大学まで路線バスが1日4本しかなく、夜の講義の後に帰れません。夜22時まで走るなら本当に助かります。' },
    { key: 'g-2', by: 'kimura', stance: 'QUESTION' as DemoStance, proposal: 'ondemand', body: '電話予約は何時から受け付けますか。朝の通院に間に合うかが知りたいです。' },
  ],
};
