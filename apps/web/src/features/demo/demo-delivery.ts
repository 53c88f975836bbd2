/**
 * A year of delivery for the demo (issue 13): the decided 円卓会議 proposal's KPIs measured month
 * by month, its roadmap moved (one item done, one delayed with a reason, new items in progress),
 * a revised plan re-voted and linked to the original record, the progress page published, and the
 * decision exported as a practice package and imported into a second process (横展開).
 *
 * Like seed.ts it uses nothing but fetch and the public API (GraphQL, practice.json), so it runs in
 * the browser and under `npm run demo` alike.
 */
export type DemoCall = <T>(query: string, variables: Record<string, unknown>, token?: string) => Promise<T>;

export interface DeliveryDemoContext {
  baseUrl: string;
  call: DemoCall;
  processId: string;
  recordId: string;
  decidedProposalId: string;
  organizerToken: string;
  secretariatToken: string;
  facilitatorToken: string;
  /** Tokens of the members who vote on the revised plan. */
  voterTokens: string[];
}

export interface DeliveryDemoResult {
  revisedProposalId: string;
  revisedRecordId: string;
  secondProcessId: string;
  templateProposalId: string;
}

const RECORD = `query DemoRecordItems($id: ID!) { consensusRecord(id: $id) { id actionItems { id title } } }`;
const KPIS = `query DemoKpis($id: ID!) { proposal(id: $id) { id kpis { id indicator } } }`;
const ADD = `mutation DemoAddRoadmapItem($input: AddActionItemInput!) { addActionItem(input: $input) { id } }`;
const MOVE = `mutation DemoMoveItem($input: UpdateActionItemInput!) { updateActionItem(input: $input) { id status } }`;
const MEASURE = `mutation DemoMeasure($input: RecordKpiMeasurementInput!) { recordKpiMeasurement(input: $input) { id } }`;
const SETTINGS = `mutation DemoDeliverySettings($input: UpdateDeliverySettingsInput!) { updateDeliverySettings(input: $input) { id } }`;
const REVISE = `mutation DemoRevise($input: ReviseDecisionInput!) { reviseDecision(input: $input) { id } }`;
const OPEN_VOTING = `mutation DemoOpenRevisedVoting($input: OpenVotingInput!) { openVoting(input: $input) { id } }`;
const CAST_VOTE = `mutation DemoCastRevisedVote($input: CastVoteInput!) { castVote(input: $input) { id } }`;
const CLOSE_VOTING = `mutation DemoCloseRevisedVoting($proposalId: ID!) { closeVoting(proposalId: $proposalId) { id } }`;
const CREATE_PROCESS = `mutation DemoSecondProcess($input: CreateProcessInput!) { createProcess(input: $input) { id } }`;
const IMPORT = `mutation DemoImportPractice($processId: ID!, $package: JSON!) { importPractice(processId: $processId, package: $package) { id } }`;

/** YYYY-MM-DD in Japan, `months` months from today (negative: before), on the given day of the month. */
function monthDay(months: number, day = 1): string {
  const now = new Date(Date.now() + 9 * 3_600_000);
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, day));
  return d.toISOString().slice(0, 10);
}

/** Round tables held so far (cumulative) and students taking part (cumulative), month by month. */
const MEETINGS = [0, 0, 1, 1, 2, 2, 3, 3, 3, 4, 4, 5];
const STUDENTS = [0, 0, 6, 6, 13, 13, 19, 19, 19, 24, 24, 29];

export async function seedDelivery(ctx: DeliveryDemoContext): Promise<DeliveryDemoResult> {
  const { call } = ctx;
  const sec = ctx.secretariatToken;
  await call(SETTINGS, { input: { processId: ctx.processId, region: '架空県みなと川市', progressPublic: true } }, ctx.organizerToken);

  // KPIs measured every month for a year (the last measurement is last month's).
  const { proposal } = await call<{ proposal: { kpis: { id: string }[] } }>(KPIS, { id: ctx.decidedProposalId }, sec);
  const [meetingsKpi, studentsKpi] = proposal.kpis;
  for (let m = 0; m < 12; m += 1) {
    const measuredAt = monthDay(m - 12, 28);
    if (meetingsKpi) await call(MEASURE, { input: { kpiId: meetingsKpi.id, value: MEETINGS[m], measuredAt, source: '企画政策課 開催記録' } }, sec);
    if (studentsKpi) await call(MEASURE, { input: { kpiId: studentsKpi.id, value: STUDENTS[m], measuredAt, source: '参加者名簿（人数のみ）' } }, sec);
  }
  // A correction: a miscounted month is entered again; the first entry stays in the history.
  if (studentsKpi) await call(MEASURE, { input: { kpiId: studentsKpi.id, value: 14, measuredAt: monthDay(-8, 28), source: '参加者名簿（人数のみ）', note: '集計漏れ1人を訂正' } }, sec);

  // The roadmap: the two items of the decision move on; three more are planned against the KPIs.
  const { consensusRecord } = await call<{ consensusRecord: { actionItems: { id: string }[] } }>(RECORD, { id: ctx.recordId }, sec);
  const [firstMeeting, studentSeats] = consensusRecord.actionItems;
  if (firstMeeting) await call(MOVE, { input: { actionItemId: firstMeeting.id, startDate: monthDay(-12), status: 'DONE', kpiId: meetingsKpi?.id ?? null } }, sec);
  if (studentSeats) {
    await call(MOVE, { input: { actionItemId: studentSeats.id, startDate: monthDay(-11), dueDate: monthDay(-2, 28), progress: 60, kpiId: studentsKpi?.id ?? null } }, sec);
    await call(MOVE, { input: { actionItemId: studentSeats.id, status: 'DELAYED', reason: '定期試験と部活動の大会の時期が重なり、2校目との調整が遅れています。次回は3学期の始業後に募集します。' } }, sec);
  }
  const plan: Array<{ title: string; ownerOrganization: string; ownerSector: string; start: number; due: number; progress: number; kpi: string | undefined }> = [
    { title: '夜間・オンライン併用回の運営（年2回）', ownerOrganization: 'みなと川商工会議所', ownerSector: 'INDUSTRY', start: -6, due: 3, progress: 50, kpi: meetingsKpi?.id },
    { title: '円卓会議の記録を市サイトでオープンデータ公開', ownerOrganization: 'みなと川市 情報政策課', ownerSector: 'GOVERNMENT', start: -4, due: 2, progress: 70, kpi: undefined },
    { title: '大学のゼミ単位での参加の仕組みづくり', ownerOrganization: 'みなと川大学 地域連携センター', ownerSector: 'ACADEMIA', start: -1, due: 8, progress: 10, kpi: studentsKpi?.id },
    { title: '地元紙での開催報告の連載', ownerOrganization: 'みなと川新報', ownerSector: 'MEDIA', start: -9, due: -1, progress: 80, kpi: undefined },
  ];
  for (const p of plan) {
    const { addActionItem } = await call<{ addActionItem: { id: string } }>(
      ADD,
      { input: { recordId: ctx.recordId, title: p.title, ownerOrganization: p.ownerOrganization, ownerSector: p.ownerSector, startDate: monthDay(p.start), dueDate: monthDay(p.due, 28), kpiId: p.kpi ?? null } },
      sec,
    );
    await call(MOVE, { input: { actionItemId: addActionItem.id, progress: p.progress } }, sec);
  }

  // A revised plan: the students target is lowered after a year, put to a new vote; the new record names the original.
  const { reviseDecision } = await call<{ reviseDecision: { id: string } }>(
    REVISE,
    {
      input: {
        recordId: ctx.recordId,
        title: '円卓会議 2年目の計画見直し：学生参加の目標と大学ゼミの参加',
        reason: '1年目の実績（延べ29人）を踏まえ、高校生・大学生の参加目標を年60人から年40人に見直し、代わりに大学のゼミ単位の参加を加える。',
        kpis: [
          { indicator: '円卓会議の開催回数', baseline: '年0回', target: '年6回', deadline: '2027-03-31' },
          { indicator: '高校生・大学生の参加者数（延べ）', baseline: '年29人', target: '年40人', deadline: '2028-03-31', unit: '人' },
        ],
      },
    },
    sec,
  );
  const revisedProposalId = reviseDecision.id;
  await call(OPEN_VOTING, { input: { proposalId: revisedProposalId, rule: 'CROSS_SECTOR', ballot: 'OPEN' } }, ctx.facilitatorToken);
  for (const token of ctx.voterTokens) await call(CAST_VOTE, { input: { proposalId: revisedProposalId, choice: 'AGREE' } }, token);
  const closed = await call<{ closeVoting: { id: string } }>(CLOSE_VOTING, { proposalId: revisedProposalId }, ctx.facilitatorToken);

  // 横展開: the decision as a practice package, imported by a neighbouring town as a template.
  const res = await fetch(`${ctx.baseUrl}/api/records/${ctx.recordId}/practice.json`, { credentials: 'omit', headers: { authorization: `Bearer ${ctx.organizerToken}` } });
  if (!res.ok) throw new Error(`practice.json answered HTTP ${res.status}`);
  const pkg: unknown = await res.json();
  const second = await call<{ createProcess: { id: string } }>(
    CREATE_PROCESS,
    { input: { title: 'やまびこ町 地域づくり会議（横展開の例）', description: 'みなと川市の円卓会議を参考に、町の協議の場をつくる。', defaultRule: 'CROSS_SECTOR', sector: 'GOVERNMENT' } },
    ctx.organizerToken,
  );
  const imported = await call<{ importPractice: { id: string } }>(IMPORT, { processId: second.createProcess.id, package: pkg }, ctx.organizerToken);
  return { revisedProposalId, revisedRecordId: closed.closeVoting.id, secondProcessId: second.createProcess.id, templateProposalId: imported.importPractice.id };
}

const REVIEW = `query DemoProgressReview($id: ID!) { progressReview(processId: $id) { title proposalIds plannedMinutes } }`;

/** 「前回からの進捗確認」 as the next meeting's first agenda item (PDCA), as the console's agenda builder proposes it. */
export async function reviewAgendaItem(call: DemoCall, processId: string, token: string): Promise<{ title: string; proposalIds: string[]; plannedMinutes: number } | null> {
  const { progressReview } = await call<{ progressReview: { title: string; proposalIds: string[]; plannedMinutes: number } }>(REVIEW, { id: processId }, token);
  return progressReview.proposalIds.length ? progressReview : null;
}
