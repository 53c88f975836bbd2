import type { RunningServer } from '../../src/server';
import { GqlClient } from '../support/graphql-client';
import { download, endMeeting, startMeetingWith } from '../support/minutes-factories';
import { joinAsGuest, liveMeeting } from '../support/meeting-factories';
import { newMember, newProcess, TestProcess } from '../support/process-factories';
import { newComment, newProposal, sql } from '../support/proposal-factories';
import { startTestServer } from '../support/test-app';
import { castVote, closeVoting, newVoters, openVoting } from '../support/voting-factories';

const PROCESS_ANALYTICS = `query($id: ID!) { process(id: $id) {
  agreementMatrix { proposalId pillarId sector agreeShare voters suppressed }
  bridgingRanking { proposalId score voters }
  dialogueIndex
  representation { sector count share target underRepresented }
  crossPillar { pillarId sector meanAgreeShare proposals }
  inclusion { participants youth { share count base suppressed } women { share count base suppressed } }
} }`;

type Cell = { proposalId: string; sector: string; agreeShare: number | null; voters: number; suppressed: boolean };

describe('cross-sector analytics after a scripted meeting', () => {
  let server: RunningServer;
  let anon: GqlClient;
  let p: TestProcess;
  let a: string; // proposal every sector supports
  let b: string; // proposal labour opposes
  let voters: Awaited<ReturnType<typeof newVoters>>;

  beforeAll(async () => {
    server = await startTestServer();
    anon = new GqlClient(server.url);
    p = await newProcess(anon, 'みなと川市 分析テスト協議会');
    voters = await newVoters(anon, p, { INDUSTRY: 3, LABOUR: 3, MEDIA: 2 });
    a = (await newProposal(p.organizer.client, p, { title: '駅前の空き店舗を子育て拠点に', pillarId: p.pillarIds[0] })).id;
    b = (await newProposal(p.organizer.client, p, { title: '工業団地の拡張', pillarId: p.pillarIds[2] })).id;
    await openVoting(p.organizer.client, a, { rule: 'MAJORITY' });
    await openVoting(p.organizer.client, b, { rule: 'MAJORITY' });
    // A: everyone agrees except one media abstention. B: industry agrees 3/3, labour 1 agree 2 disagree, media 1/1 agree + 1 abstain.
    await Promise.all([
      ...voters.INDUSTRY.map((v) => castVote(v.client, a, 'AGREE')),
      ...voters.LABOUR.map((v) => castVote(v.client, a, 'AGREE')),
      castVote(voters.MEDIA[0].client, a, 'AGREE'),
      castVote(voters.MEDIA[1].client, a, 'ABSTAIN'),
      ...voters.INDUSTRY.map((v) => castVote(v.client, b, 'AGREE')),
      castVote(voters.LABOUR[0].client, b, 'AGREE'),
      castVote(voters.LABOUR[1].client, b, 'DISAGREE'),
      castVote(voters.LABOUR[2].client, b, 'DISAGREE'),
      castVote(voters.MEDIA[0].client, b, 'AGREE'),
      castVote(voters.MEDIA[1].client, b, 'ABSTAIN'),
    ]);
  });
  afterAll(() => server.close());

  it('gives the agreement matrix per proposal and sector (agree / non-abstaining)', async () => {
    const data = await p.organizer.client.ok<{ process: { agreementMatrix: Cell[] } }>(PROCESS_ANALYTICS, { id: p.id });
    const cell = (proposalId: string, sector: string) => data.process.agreementMatrix.find((c) => c.proposalId === proposalId && c.sector === sector);
    expect(cell(b, 'LABOUR')).toMatchObject({ agreeShare: 1 / 3, voters: 3, suppressed: false });
    expect(cell(b, 'INDUSTRY')).toMatchObject({ agreeShare: 1, voters: 3 });
    expect(cell(b, 'MEDIA')).toMatchObject({ agreeShare: 1, voters: 2 });
    expect(cell(b, 'FINANCE')).toMatchObject({ agreeShare: null, voters: 0 });
    // Every proposal × all seven sectors: a full heat map without holes.
    expect(data.process.agreementMatrix).toHaveLength(2 * 7);
  });

  it('ranks the proposal every sector can live with first (bridging score, small-sample corrected)', async () => {
    const data = await p.organizer.client.ok<{ process: { bridgingRanking: { proposalId: string; score: number }[] } }>(PROCESS_ANALYTICS, { id: p.id });
    expect(data.process.bridgingRanking.map((r) => r.proposalId)).toEqual([a, b]);
    // B: labour (1 + 1) / (3 + 2) = 0.4 is the lowest sector. A: media (1 + 1) / (1 + 2) = 2/3.
    expect(data.process.bridgingRanking[1].score).toBeCloseTo(0.4, 10);
    expect(data.process.bridgingRanking[0].score).toBeCloseTo(2 / 3, 10);
    const tally = await p.organizer.client.ok<{ proposal: { bridgingScore: number; sectorWeighted: { agreeShare: number; rawAgreeShare: number } } }>(
      'query($id: ID!) { proposal(id: $id) { bridgingScore sectorWeighted { agreeShare rawAgreeShare } } }',
      { id: b },
    );
    expect(tally.proposal.bridgingScore).toBeCloseTo(0.4, 10);
    // Raw: 5 agree of 7 positions; each sector equally: (1 + 1/3 + 1) / 3.
    expect(tally.proposal.sectorWeighted.rawAgreeShare).toBeCloseTo(5 / 7, 10);
    expect(tally.proposal.sectorWeighted.agreeShare).toBeCloseTo(7 / 9, 10);
  });

  it('computes the dialogue index from replies that cross sectors', async () => {
    const root = await newComment(voters.INDUSTRY[0].client, b, { stance: 'SUPPORT', body: '雇用が増えます。' });
    await newComment(voters.LABOUR[0].client, b, { parentId: root.id, stance: 'CONCERN', body: '労働環境が心配です。' });
    await newComment(voters.MEDIA[0].client, b, { parentId: root.id, stance: 'QUESTION', body: '環境影響の調査は？' });
    await newComment(voters.INDUSTRY[1].client, b, { parentId: root.id, stance: 'SUPPORT', body: '同意します。' });
    const data = await p.organizer.client.ok<{ process: { dialogueIndex: number } }>(PROCESS_ANALYTICS, { id: p.id });
    expect(data.process.dialogueIndex).toBeCloseTo(2 / 3, 10);
    const proposal = await p.organizer.client.ok<{ proposal: { dialogueIndex: number } }>('query($id: ID!) { proposal(id: $id) { dialogueIndex } }', { id: b });
    expect(proposal.proposal.dialogueIndex).toBeCloseTo(2 / 3, 10);
  });

  it('names the missing voices: sectors present that neither commented nor voted', async () => {
    const finance = await newMember(anon, p, 'PARTICIPANT', 'FINANCE', '金融 三郎');
    const q = 'query($id: ID!, $m: ID) { proposal(id: $id) { missingVoices(meetingId: $m) } }';
    const members = await p.organizer.client.ok<{ proposal: { missingVoices: string[] } }>(q, { id: a });
    // The organiser (GOVERNMENT) and the new finance member have not spoken on A.
    expect(members.proposal.missingVoices).toEqual(['GOVERNMENT', 'FINANCE']);
    await castVote(finance.client, a, 'AGREE');
    const after = await p.organizer.client.ok<{ proposal: { missingVoices: string[] } }>(q, { id: a });
    expect(after.proposal.missingVoices).toEqual(['GOVERNMENT']);
    // At a meeting, only the sectors in the room count.
    const meeting = await liveMeeting(p, { title: '第1回 ワークショップ' });
    await joinAsGuest(anon, meeting.joinCode, { displayName: '学生 さくら', sector: 'ACADEMIA' });
    const room = await p.organizer.client.ok<{ proposal: { missingVoices: string[] } }>(q, { id: a, m: meeting.id });
    expect(room.proposal.missingVoices).toEqual(['ACADEMIA']);
    // An observer (press, citizens) in the room cannot comment or vote, so is never a missing voice.
    const observer = await newMember(anon, p, 'OBSERVER', 'CITIZEN', '傍聴 記者');
    await observer.client.ok('mutation($i: JoinMeetingInput!) { joinMeeting(input: $i) { token } }', { i: { code: meeting.joinCode, displayName: '傍聴 記者', sector: 'CITIZEN' } });
    const withObserver = await p.organizer.client.ok<{ proposal: { missingVoices: string[] } }>(q, { id: a, m: meeting.id });
    expect(withObserver.proposal.missingVoices).toEqual(['ACADEMIA']);
  });

  it('puts the missing voices of each agenda item into the minutes: sectors in the room silent on its proposals during the meeting', async () => {
    const m = await newProcess(anon, '議事録の分析テスト');
    const v = await newVoters(anon, m, { INDUSTRY: 1, LABOUR: 1, FINANCE: 1 });
    const first = (await newProposal(m.organizer.client, m, { title: '空き家バンクの拡充' })).id;
    const second = (await newProposal(m.organizer.client, m, { title: '地元企業の奨学金返還支援' })).id;
    // Finance spoke on the first proposal before the meeting: it does not count as speaking at it.
    await newComment(v.FINANCE[0].client, first, { stance: 'SUPPORT', body: '融資商品を用意できます。' });
    const { meetingId, joinCode } = await startMeetingWith(m.organizer.client, m.id, [
      { title: '住まい', proposalIds: [first] },
      { title: '雇用', proposalIds: [second] },
    ]);
    for (const [who, sector] of [[v.INDUSTRY[0], 'INDUSTRY'], [v.LABOUR[0], 'LABOUR'], [v.FINANCE[0], 'FINANCE']] as const) {
      await who.client.ok('mutation($i: JoinMeetingInput!) { joinMeeting(input: $i) { token } }', { i: { code: joinCode, displayName: who.displayName, sector } });
    }
    await newComment(v.INDUSTRY[0].client, first, { stance: 'SUPPORT', body: '賛成です。' });
    await openVoting(m.organizer.client, second, { rule: 'MAJORITY' });
    await castVote(v.LABOUR[0].client, second, 'AGREE');
    await castVote(v.FINANCE[0].client, second, 'DISAGREE');
    await endMeeting(m.organizer.client, meetingId);
    const res = await download(server.url, `/api/meetings/${meetingId}/minutes.json`, m.organizer.client);
    const doc = JSON.parse(res.body.toString('utf8')).document;
    expect(doc.agenda.map((i: { missingVoices: { sector: string }[] }) => i.missingVoices.map((x) => x.sector))).toEqual([['FINANCE', 'LABOUR'], ['INDUSTRY']]);
    const md = (await download(server.url, `/api/meetings/${meetingId}/minutes.md`, m.organizer.client)).body.toString('utf8');
    expect(md).toContain('#### 声の届いていない分野\n\n金融機関、労働団体');
    expect(md).toContain('#### 声の届いていない分野\n\n産業界');
    // A vote cast after the meeting ended does not change what the minutes say about the meeting.
    await castVote(v.INDUSTRY[0].client, second, 'AGREE');
    const later = JSON.parse((await download(server.url, `/api/meetings/${meetingId}/minutes.json`, m.organizer.client)).body.toString('utf8')).document;
    expect(later.agenda[1].missingVoices.map((x: { sector: string }) => x.sector)).toEqual(['INDUSTRY']);
  });

  it('monitors representation against targets the organiser sets, flagging under half the target', async () => {
    const r = await newProcess(anon, '代表性テスト');
    await newVoters(anon, r, { INDUSTRY: 4, LABOUR: 1 });
    type Row = { sector: string; count: number; share: number; target: number; underRepresented: boolean };
    const q = 'query($id: ID!) { process(id: $id) { representation { sector count share target underRepresented } } }';
    const rows = (await r.organizer.client.ok<{ process: { representation: Row[] } }>(q, { id: r.id })).process.representation;
    const row = (list: Row[], s: string) => list.find((x) => x.sector === s);
    // 6 members: 4 industry, 1 labour, 1 government (the organiser); default targets 1/6 each of 産官学金労言.
    expect(row(rows, 'INDUSTRY')).toMatchObject({ count: 4, share: 4 / 6, target: 1 / 6, underRepresented: false });
    expect(row(rows, 'LABOUR')).toMatchObject({ count: 1, share: 1 / 6, underRepresented: false });
    expect(row(rows, 'MEDIA')).toMatchObject({ count: 0, underRepresented: true });
    expect(row(rows, 'CITIZEN')).toMatchObject({ target: 0, underRepresented: false });
    const set = await r.organizer.client.ok<{ setRepresentationTargets: Row[] }>(
      'mutation($i: SetRepresentationTargetsInput!) { setRepresentationTargets(input: $i) { sector count share target underRepresented } }',
      { i: { processId: r.id, targets: [{ sector: 'CITIZEN', weight: 1 / 6 }] } },
    );
    expect(row(set.setRepresentationTargets, 'CITIZEN')).toMatchObject({ underRepresented: true });
    expect(row(set.setRepresentationTargets, 'CITIZEN')?.target).toBeCloseTo(1 / 7, 12);
    const zero = await r.organizer.client.fail('mutation($i: SetRepresentationTargetsInput!) { setRepresentationTargets(input: $i) { sector } }', {
      i: { processId: r.id, targets: ['INDUSTRY', 'GOVERNMENT', 'ACADEMIA', 'FINANCE', 'LABOUR', 'MEDIA', 'CITIZEN'].map((sector) => ({ sector, weight: 0 })) },
    });
    expect(zero.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TARGETS_ALL_ZERO' });
    const labour = await newMember(anon, r, 'PARTICIPANT', 'LABOUR');
    const denied = await labour.client.fail('mutation($i: SetRepresentationTargetsInput!) { setRepresentationTargets(input: $i) { sector } }', { i: { processId: r.id, targets: [] } });
    expect(denied.extensions?.code).toBe('FORBIDDEN');
  });

  it('shows each sector’s agreement per pillar', async () => {
    const data = await p.organizer.client.ok<{ process: { crossPillar: { pillarId: string; sector: string; meanAgreeShare: number | null; proposals: number }[] } }>(PROCESS_ANALYTICS, { id: p.id });
    const labourOnIndustry = data.process.crossPillar.find((c) => c.pillarId === p.pillarIds[2] && c.sector === 'LABOUR');
    expect(labourOnIndustry).toMatchObject({ meanAgreeShare: 1 / 3, proposals: 1 });
  });

  it('suppresses inclusion figures for groups of fewer than five', async () => {
    await voters.INDUSTRY[0].client.ok('mutation { updateProfile(input: { ageBand: "30S", gender: "WOMAN" }) { id } }');
    const data = await p.organizer.client.ok<{ process: { inclusion: { youth: { suppressed: boolean; share: number | null; base: number } } } }>(PROCESS_ANALYTICS, { id: p.id });
    expect(data.process.inclusion.youth).toMatchObject({ suppressed: true, share: null, base: 1 });
  });

  it('finds opinion groups from open-ballot voting patterns and never lists their members', async () => {
    const res = await p.organizer.client.ok<{ process: { opinionGroups: { size: number; sectors: { sector: string; count: number }[] }[] } }>(
      'query($id: ID!) { process(id: $id) { opinionGroups { id size sectors { sector count } agreement { proposalId agreeShare voters } } splitSectors { sector members largestGroupShare } } }',
      { id: p.id },
    );
    const sizes = res.process.opinionGroups.map((g) => g.size);
    expect(sizes.reduce((x, y) => x + y, 0)).toBe(9);
    expect(res.process.opinionGroups.length).toBeGreaterThanOrEqual(1);
  });

  it('hides small sectors of a secret ballot in the matrix, and a sector they were merged into', async () => {
    const s = await newProcess(anon, '秘密投票テスト');
    const v = await newVoters(anon, s, { INDUSTRY: 3, LABOUR: 2, MEDIA: 1 });
    const id = (await newProposal(s.organizer.client, s, { pillarId: s.pillarIds[0] })).id;
    await openVoting(s.organizer.client, id, { rule: 'MAJORITY', ballot: 'SECRET' });
    // Labour (2) and media (1) are pooled into one shown group of 3; industry is shown on its own.
    await Promise.all([...v.INDUSTRY.map((x) => castVote(x.client, id, 'AGREE')), ...v.LABOUR.map((x) => castVote(x.client, id, 'DISAGREE')), castVote(v.MEDIA[0].client, id, 'AGREE')]);
    await closeVoting(s.organizer.client, id);
    const data = await s.organizer.client.ok<{ process: { agreementMatrix: Cell[]; crossPillar: { sector: string; meanAgreeShare: number | null }[] } }>(PROCESS_ANALYTICS, { id: s.id });
    expect(data.process.agreementMatrix.find((c) => c.sector === 'LABOUR')).toMatchObject({ agreeShare: null, suppressed: true });
    expect(data.process.agreementMatrix.find((c) => c.sector === 'MEDIA')).toMatchObject({ agreeShare: null, suppressed: true });
    expect(data.process.agreementMatrix.find((c) => c.sector === 'INDUSTRY')).toMatchObject({ agreeShare: 1, suppressed: false });
    // The per-pillar view must not give back what the matrix hides.
    expect(data.process.crossPillar.filter((c) => c.meanAgreeShare !== null).map((c) => c.sector)).toEqual(['INDUSTRY']);

    // One labour voter beside industry: the pool is too small, so it is folded into industry's row;
    // industry's own figure would then give labour's vote away (merged row minus industry), so it is hidden too.
    const id2 = (await newProposal(s.organizer.client, s, { pillarId: s.pillarIds[1] })).id;
    await openVoting(s.organizer.client, id2, { rule: 'MAJORITY', ballot: 'SECRET' });
    await Promise.all([...v.INDUSTRY.map((x) => castVote(x.client, id2, 'AGREE')), castVote(v.LABOUR[0].client, id2, 'DISAGREE')]);
    // While the secret round is open it is left out of the matrix altogether.
    const sealed = await s.organizer.client.ok<{ process: { agreementMatrix: Cell[] } }>(PROCESS_ANALYTICS, { id: s.id });
    expect(sealed.process.agreementMatrix.filter((c) => c.proposalId === id2 && c.voters > 0)).toEqual([]);
    await closeVoting(s.organizer.client, id2);
    const folded = await s.organizer.client.ok<{ process: { agreementMatrix: Cell[] } }>(PROCESS_ANALYTICS, { id: s.id });
    expect(folded.process.agreementMatrix.filter((c) => c.proposalId === id2 && c.voters > 0).map((c) => [c.sector, c.agreeShare, c.suppressed])).toEqual([
      ['INDUSTRY', null, true],
      ['LABOUR', null, true],
    ]);
    const rows = await sql<{ n: number }>(server.databaseUrl, 'SELECT count(*)::int AS n FROM vote v JOIN voting_round r ON r.id = v.round_id WHERE r.proposal_id = $1', [id]);
    expect(rows[0].n).toBe(6);
  });

  it('refuses non-members', async () => {
    const other = await newProcess(anon, '別の協議会');
    const err = await other.organizer.client.fail(PROCESS_ANALYTICS, { id: p.id });
    expect(err.extensions?.code).toBe('NOT_FOUND');
  });
});
