import { Gql, inviteAndAccept, newAccount, type Account } from './gql';

export interface Workshop {
  processId: string;
  processTitle: string;
  proposalId: string;
  proposalTitle: string;
  meetingId: string;
  joinCode: string;
  organiser: Account;
  facilitator: Account;
  secretariat: Account;
  /** Members checked in to the meeting (産・金・労 voted; 言, the journalist, has not spoken). */
  industry: Account;
  finance: Account;
  labour: Account;
  media: Account;
}


/**
 * A process with members from several sectors, an open proposal with KPIs and a comment, and a
 * LIVE meeting (four members checked in) whose current item is that proposal, with a
 * 産官学金労言合意 vote open and three votes already cast — all through the public GraphQL API.
 */
export async function setUpLiveWorkshop(url: string): Promise<Workshop> {
  const anon = new Gql(url);
  const organiser = await newAccount(anon, '佐藤 由紀子');
  const facilitator = await newAccount(anon, '高橋 健一');
  const secretariat = await newAccount(anon, '伊藤 美咲');
  const industry = await newAccount(anon, '田中 誠');
  const finance = await newAccount(anon, '加藤 修');
  const labour = await newAccount(anon, '吉田 恵');
  const media = await newAccount(anon, '山田 拓也');
  const org = anon.as(organiser.token);

  const processTitle = 'みなと川市 地方創生2.0 地域ビジョン協議会';
  const p = await org.run<{ createProcess: { id: string; pillars: { id: string; position: number }[] } }>(
    'mutation($i: CreateProcessInput!) { createProcess(input: $i) { id pillars { id position } } }',
    { i: { title: processTitle, defaultRule: 'CROSS_SECTOR', sector: 'GOVERNMENT' } },
  );
  const processId = p.createProcess.id;
  const digital = p.createProcess.pillars.find((x) => x.position === 4)?.id as string;
  const members: [Account, string, string, string][] = [
    [facilitator, 'FACILITATOR', 'ACADEMIA', 'みなと川大学'],
    [secretariat, 'SECRETARIAT', 'GOVERNMENT', 'みなと川市 企画政策課'],
    [industry, 'PARTICIPANT', 'INDUSTRY', 'みなと川商工会議所'],
    [finance, 'PARTICIPANT', 'FINANCE', 'みなと川信用金庫'],
    [labour, 'PARTICIPANT', 'LABOUR', 'みなと川地域労働組合協議会'],
    [media, 'PARTICIPANT', 'MEDIA', 'みなと川新報'],
  ];
  for (const [a, role, sector, organization] of members) {
    await inviteAndAccept(anon, organiser, a, { processId, role, sector, organization });
  }

  const proposalTitle = 'AIオンデマンド交通「みなとライド」を全市域で運行する';
  const pr = await anon.as(industry.token).run<{ createProposal: { id: string } }>(
    'mutation($i: CreateProposalInput!) { createProposal(input: $i) { id } }',
    {
      i: {
        processId,
        pillarId: digital,
        title: proposalTitle,
        body: '## 提案\n郊外の集落でも、予約すれば自宅近くまで迎えに来る**オンデマンド交通**を全市域で運行します。\n\n- 電話予約を残します\n- 夜22時まで運行します\n\n<script>alert("x")</script>',
        kpis: [{ indicator: '交通空白地域のカバー率', baseline: '62%', target: '95%', deadline: '2028-03-31' }],
      },
    },
  );
  const proposalId = pr.createProposal.id;
  await anon.as(labour.token).run('mutation($i: AddCommentInput!) { addComment(input: $i) { id } }', {
    i: { proposalId, stance: 'CONCERN', body: '運転手の雇用への影響が心配です。移行計画に雇用の継続を明記してください。' },
  });

  const fac = anon.as(facilitator.token);
  const m = await fac.run<{ createMeeting: { id: string; agenda: { id: string }[] } }>(
    'mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id agenda { id } } }',
    { i: { processId, title: '第3回 地域ビジョン協議会ワークショップ', location: 'みなと川市民交流センター', agenda: [{ title: '④ デジタル：オンデマンド交通', pillarId: digital, proposalIds: [proposalId], plannedMinutes: 30 }] } },
  );
  const meetingId = m.createMeeting.id;
  const started = await fac.run<{ startMeeting: { joinCode: string } }>('mutation($id: ID!) { startMeeting(meetingId: $id) { joinCode } }', { id: meetingId });
  await fac.run('mutation($id: ID!, $item: ID!) { setCurrentAgendaItem(meetingId: $id, itemId: $item) { id } }', { id: meetingId, item: m.createMeeting.agenda[0]?.id });
  await fac.run('mutation($i: OpenVotingInput!) { openVoting(input: $i) { id } }', { i: { proposalId, rule: 'CROSS_SECTOR', minSectors: 2, ballot: 'OPEN' } });
  // Members check in with their accounts; the journalist attends but neither comments nor votes.
  for (const [a, sector] of [[industry, 'INDUSTRY'], [finance, 'FINANCE'], [labour, 'LABOUR'], [media, 'MEDIA']] as const) {
    await anon.as(a.token).run('mutation($i: JoinMeetingInput!) { joinMeeting(input: $i) { token } }', { i: { code: started.startMeeting.joinCode, displayName: a.name, sector } });
  }
  const votes: [Account, string, string | null][] = [
    [industry, 'AGREE', null],
    [finance, 'AGREE', '財源の説明に納得しました。'],
    [labour, 'DISAGREE', '運転手の処遇が計画に書かれるまでは賛成できません。'],
  ];
  for (const [a, choice, reason] of votes) {
    await anon.as(a.token).run('mutation($i: CastVoteInput!) { castVote(input: $i) { id } }', { i: { proposalId, choice, reason } });
  }
  return { processId, processTitle, proposalId, proposalTitle, meetingId, joinCode: started.startMeeting.joinCode, organiser, facilitator, secretariat, industry, finance, labour, media };
}
