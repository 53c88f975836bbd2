import type { Account } from './factories';
import { newAccount } from './factories';
import { GqlClient } from './graphql-client';
import { newMember, newProcess, type TestProcess } from './process-factories';
import { newComment, newProposal, type TestProposal } from './proposal-factories';
import { castVote, closeVoting, newVoters, openVoting, type TestRecord } from './voting-factories';

export const MEETING_TITLE = '第3回 北秋田市 地域ビジョン ワークショップ';
export const HOSTILE_COMMENT = '<script>alert(1)</script> **bold** [x](javascript:alert(1))';
export const HIDDEN_COMMENT = '不適切な投稿（非表示にされる）';
export const FORMULA_REASON = '=HYPERLINK("http://evil.example","click"), "引用", 改行\nあり';

const CREATE_MEETING = `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id agenda { id position } } }`;
const START_MEETING = `mutation($id: ID!) { startMeeting(meetingId: $id) { id joinCode } }`;
const END_MEETING = `mutation($id: ID!) { endMeeting(meetingId: $id) { id status } }`;
const JOIN_MEETING = `mutation($i: JoinMeetingInput!) { joinMeeting(input: $i) { token participant { id } } }`;
const HIDE_COMMENT = `mutation($id: ID!, $r: String!) { hideComment(commentId: $id, reason: $r) { id } }`;
const RESPOND = `mutation($i: RespondToDissentInput!) { respondToDissent(input: $i) { id } }`;
const ADD_ACTION = `mutation($i: AddActionItemInput!) { addActionItem(input: $i) { id } }`;

export interface MinutesScenario {
  process: TestProcess;
  organizer: Account;
  secretariat: Account;
  observer: Account;
  participant: Account;
  stranger: Account;
  guest: GqlClient;
  meetingId: string;
  itemIds: string[];
  open: TestProposal;
  secret: TestProposal;
  openRecord: TestRecord;
  secretRecord: TestRecord;
  /** Current votes cast in the process (rows votes.csv must have). */
  votes: number;
}

/** Starts a meeting of the process with the given agenda; returns its id, item ids and join code. */
export async function startMeetingWith(organizer: GqlClient, processId: string, agenda: Array<{ title: string; pillarId?: string; proposalIds?: string[]; plannedMinutes?: number }>, title = MEETING_TITLE) {
  const created = await organizer.ok<{ createMeeting: { id: string; agenda: { id: string }[] } }>(CREATE_MEETING, {
    i: { processId, title, location: '北秋田市役所 第1会議室', startsAt: '2026-11-23T05:00:00.000Z', agenda },
  });
  const started = await organizer.ok<{ startMeeting: { joinCode: string } }>(START_MEETING, { id: created.createMeeting.id });
  return { meetingId: created.createMeeting.id, itemIds: created.createMeeting.agenda.map((a) => a.id), joinCode: started.startMeeting.joinCode };
}

export async function endMeeting(organizer: GqlClient, meetingId: string): Promise<void> {
  await organizer.ok(END_MEETING, { id: meetingId });
}

/**
 * A whole workshop through the real API: a process with members of several sectors, two proposals
 * on the agenda, a guest who joins by code, comments (one hostile, one hidden, one written before
 * the meeting), an open-ballot CONSENSUS vote with a dissent, its response and an action item,
 * and a secret-ballot MAJORITY vote whose small sectors are merged. The meeting is ended unless
 * `end: false`.
 */
export async function minutesScenario(base: GqlClient, options: { end?: boolean } = {}): Promise<MinutesScenario> {
  const process = await newProcess(base, '北秋田市 地方創生2.0 地域ビジョン協議会');
  const organizer = process.organizer;
  const [secretariat, observer, stranger] = await Promise.all([
    newMember(base, process, 'SECRETARIAT', 'GOVERNMENT', '事務局 四郎'),
    newMember(base, process, 'OBSERVER', 'CITIZEN', '傍聴 五郎'),
    newAccount(base, '部外者 六郎'),
  ]);
  const voters = await newVoters(base, process, { INDUSTRY: 3, LABOUR: 1 });
  const participant = voters.INDUSTRY[0] as Account;
  const labour = voters.LABOUR[0] as Account;

  const open = await newProposal(participant.client, process, {
    title: 'テレワーク拠点「森のオフィス」の整備',
    kpis: [{ indicator: '拠点利用者数', baseline: '0人', target: '年間3,000人', deadline: '2028-03-31' }],
  });
  const secret = await newProposal(organizer.client, process, { pillarId: process.pillarIds[2], title: '地域通貨の導入', kpis: [] });
  await newComment(participant.client, open.id, { stance: 'SUPPORT', body: '会議前の意見です（オンライン）' });

  const { meetingId, itemIds, joinCode } = await startMeetingWith(organizer.client, process.id, [
    { title: '若者・女性にも選ばれる働き方', pillarId: process.pillarIds[0], proposalIds: [open.id], plannedMinutes: 45 },
    { title: '地域経済の新しい仕組み', pillarId: process.pillarIds[2], proposalIds: [secret.id], plannedMinutes: 30 },
  ]);
  const join = async (client: GqlClient, displayName: string, sector: string, organization?: string) =>
    (await client.ok<{ joinMeeting: { token: string } }>(JOIN_MEETING, { i: { code: joinCode, displayName, sector, organization } })).joinMeeting.token;
  for (const a of [organizer, secretariat, observer, ...voters.INDUSTRY, labour]) await join(a.client, a.displayName, 'INDUSTRY');
  const guest = base.withToken(await join(base, 'ゲスト 七海', 'MEDIA', '秋北新聞社'));

  await newComment(voters.INDUSTRY[1]!.client, open.id, { stance: 'SUPPORT', body: '雇用が生まれます🌾' });
  const concern = await newComment(labour.client, open.id, { stance: 'CONCERN', body: '夜間の安全が心配です' });
  await newComment(guest, open.id, { stance: 'QUESTION', body: HOSTILE_COMMENT, parentId: concern.id });
  const hidden = await newComment(guest, open.id, { stance: 'NEUTRAL', body: HIDDEN_COMMENT });
  await organizer.client.ok(HIDE_COMMENT, { id: hidden.id, r: '個人攻撃のため' });

  await openVoting(organizer.client, open.id, { rule: 'CONSENSUS', ballot: 'OPEN' });
  for (const a of voters.INDUSTRY) await castVote(a.client, open.id, 'AGREE', { reason: '賛成です' });
  await castVote(labour.client, open.id, 'AGREE');
  await castVote(labour.client, open.id, 'DISAGREE', { reason: FORMULA_REASON });
  await castVote(organizer.client, open.id, 'AGREE');
  await castVote(guest, open.id, 'AGREE');
  const openRecord = await closeVoting(organizer.client, open.id);
  const dissent = openRecord.dissent.find((d) => d.kind === 'VOTE');
  if (dissent) await organizer.client.ok(RESPOND, { i: { recordId: openRecord.id, dissentId: dissent.id, response: '夜間照明を増設し、巡回を行います。' } });
  await secretariat.client.ok(ADD_ACTION, {
    i: { recordId: openRecord.id, title: '候補地の調査', ownerOrganization: '北秋田市 総合政策課', ownerSector: 'GOVERNMENT', dueDate: '2027-03-31', kpi: '候補地3か所の比較表' },
  });

  await openVoting(organizer.client, secret.id, { rule: 'MAJORITY', ballot: 'SECRET' });
  for (const a of voters.INDUSTRY) await castVote(a.client, secret.id, 'AGREE');
  await castVote(labour.client, secret.id, 'DISAGREE', { reason: '時期尚早' });
  await castVote(organizer.client, secret.id, 'ABSTAIN');
  await castVote(guest, secret.id, 'AGREE');
  const secretRecord = await closeVoting(organizer.client, secret.id);

  if (options.end !== false) await endMeeting(organizer.client, meetingId);
  return { process, organizer, secretariat, observer, participant, stranger, guest, meetingId, itemIds, open, secret, openRecord, secretRecord, votes: 12 };
}

/** GET an export with the given client's bearer token (or none). */
export async function download(baseUrl: string, path: string, client?: GqlClient, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; body: Buffer }> {
  const res = await fetch(`${baseUrl}${path}`, { headers: { ...(client?.token ? { authorization: `Bearer ${client.token}` } : {}), ...headers } });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}
