import { canonicalJson, sha256Hex } from '@yoriai/domain';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RunningServer } from '../../src/server';
import { pdfText } from '../support/export-files';
import { GqlClient } from '../support/graphql-client';
import { download, endMeeting, MEETING_TITLE, minutesScenario, startMeetingWith, type MinutesScenario } from '../support/minutes-factories';
import { newMember } from '../support/process-factories';
import { sql } from '../support/proposal-factories';
import { startTestServer } from '../support/test-app';

const VERIFIER = path.join(__dirname, '../../../../tools/verify-records.mjs');
const MINUTES_FIELDS = 'id meetingId status summary contentHash finalizedAt finalizedById updatedAt';
const MEETING_MINUTES = `query($id: ID!) { meeting(id: $id) { id minutes { ${MINUTES_FIELDS} } agenda { id summary } } }`;
const UPDATE_SUMMARY = `mutation($m: ID!, $s: String!) { updateMinutesSummary(meetingId: $m, summary: $s) { ${MINUTES_FIELDS} } }`;
const UPDATE_ITEM_SUMMARY = `mutation($i: ID!, $s: String!) { updateAgendaItemSummary(itemId: $i, summary: $s) { id summary } }`;
const FINALIZE = `mutation($m: ID!) { finalizeMinutes(meetingId: $m) { ${MINUTES_FIELDS} } }`;

interface Minutes {
  id: string;
  meetingId: string;
  status: 'DRAFT' | 'FINAL';
  summary: string;
  contentHash: string | null;
  finalizedAt: string | null;
  finalizedById: string | null;
}

const SUMMARY = '全体として森のオフィス整備に合意した。\n次回は財源を議論する。🌸 <b>太字ではない</b>';

describe('minutes lifecycle: DRAFT summaries → FINAL (frozen, hashed, locked)', () => {
  let server: RunningServer;
  let base: GqlClient;
  let s: MinutesScenario;
  /** Audit rows of one action about the scenario's meeting. */
  const auditCount = async (action: string) =>
    (await sql<{ n: number }>(server.databaseUrl, "SELECT count(*)::int AS n FROM audit_log WHERE process_id = $1 AND action = $2 AND data->>'meetingId' = $3", [s.process.id, action, s.meetingId]))[0]?.n;

  beforeAll(async () => {
    server = await startTestServer();
    base = new GqlClient(server.url);
    s = await minutesScenario(base);
  });
  afterAll(() => server.close());

  it('endMeeting leaves a DRAFT the secretariat can fill in: meeting summary and item summaries, audited', async () => {
    const before = await s.organizer.client.ok<{ meeting: { minutes: Minutes } }>(MEETING_MINUTES, { id: s.meetingId });
    expect(before.meeting.minutes).toMatchObject({ status: 'DRAFT', summary: '', contentHash: null, finalizedAt: null });

    const updated = await s.secretariat.client.ok<{ updateMinutesSummary: Minutes }>(UPDATE_SUMMARY, { m: s.meetingId, s: SUMMARY });
    expect(updated.updateMinutesSummary).toMatchObject({ status: 'DRAFT', summary: SUMMARY });
    const item = await s.secretariat.client.ok<{ updateAgendaItemSummary: { id: string; summary: string } }>(UPDATE_ITEM_SUMMARY, { i: s.itemIds[0], s: '各分野から賛同。労働団体から夜間の安全に懸念。' });
    expect(item.updateAgendaItemSummary.summary).toBe('各分野から賛同。労働団体から夜間の安全に懸念。');

    // Every member sees it (an observer too), and it is in the draft exports.
    const seen = await s.observer.client.ok<{ meeting: { minutes: Minutes; agenda: { summary: string }[] } }>(MEETING_MINUTES, { id: s.meetingId });
    expect(seen.meeting.minutes.summary).toBe(SUMMARY);
    expect(seen.meeting.agenda.map((a) => a.summary)).toEqual(['各分野から賛同。労働団体から夜間の安全に懸念。', '']);
    const md = (await download(server.url, `/api/meetings/${s.meetingId}/minutes.md`, s.observer.client)).body.toString('utf8');
    expect(md).toContain('## 議事概要\n\n全体として森のオフィス整備に合意した。\n次回は財源を議論する。🌸 \\<b\\>太字ではない\\</b\\>');
    expect(md).toContain('#### 議事概要\n\n各分野から賛同。労働団体から夜間の安全に懸念。');
    expect(await auditCount('minutes.updateSummary')).toBe(1);
    expect(await auditCount('agendaItem.updateSummary')).toBe(1);
  });

  it('refuses edits from roles without minutes.edit, from non-members and with bad input, writing nothing', async () => {
    const forbidden = await s.participant.client.fail(UPDATE_SUMMARY, { m: s.meetingId, s: 'x' });
    expect(forbidden.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
    const facilitator = await newMember(base, s.process, 'FACILITATOR', 'ACADEMIA');
    expect((await facilitator.client.fail(FINALIZE, { m: s.meetingId })).extensions?.code).toBe('FORBIDDEN');
    expect((await s.stranger.client.fail(UPDATE_SUMMARY, { m: s.meetingId, s: 'x' })).extensions?.code).toBe('NOT_FOUND');
    expect((await base.fail(UPDATE_SUMMARY, { m: s.meetingId, s: 'x' })).extensions?.code).toBe('UNAUTHENTICATED');
    const tooLong = await s.secretariat.client.fail(UPDATE_SUMMARY, { m: s.meetingId, s: 'あ'.repeat(20001) });
    expect(tooLong.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await s.secretariat.client.fail(UPDATE_SUMMARY, { m: s.meetingId, s: 'a\u0000b' })).extensions?.code).toBe('BAD_USER_INPUT');
    expect((await s.secretariat.client.fail(UPDATE_SUMMARY, { m: 'nope', s: 'x' })).extensions?.code).toBe('BAD_USER_INPUT');
    expect((await s.secretariat.client.fail(UPDATE_SUMMARY, { m: '00000000-0000-4000-8000-000000000000', s: 'x' })).extensions?.code).toBe('NOT_FOUND');
    expect((await s.secretariat.client.fail(UPDATE_ITEM_SUMMARY, { i: '00000000-0000-4000-8000-000000000000', s: 'x' })).extensions?.code).toBe('NOT_FOUND');
    // 20,000 characters (emoji count as one) is fine.
    const max = '🌸'.repeat(20000);
    expect((await s.secretariat.client.ok<{ updateMinutesSummary: Minutes }>(UPDATE_SUMMARY, { m: s.meetingId, s: max })).updateMinutesSummary.summary).toBe(max);
    await s.secretariat.client.ok(UPDATE_SUMMARY, { m: s.meetingId, s: SUMMARY });
    const seen = await s.organizer.client.ok<{ meeting: { minutes: Minutes } }>(MEETING_MINUTES, { id: s.meetingId });
    expect(seen.meeting.minutes.summary).toBe(SUMMARY);
    expect(await auditCount('minutes.updateSummary')).toBe(3);
  });

  it('finalises only an ENDED meeting; a live meeting’s notes stay a draft', async () => {
    const live = await startMeetingWith(s.organizer.client, s.process.id, [{ title: '次回の進め方' }], '第4回 ワークショップ');
    const notes = await s.secretariat.client.ok<{ updateMinutesSummary: Minutes }>(UPDATE_SUMMARY, { m: live.meetingId, s: '会議中のメモ' });
    expect(notes.updateMinutesSummary).toMatchObject({ status: 'DRAFT', summary: '会議中のメモ' });
    const early = await s.secretariat.client.fail(FINALIZE, { m: live.meetingId });
    expect(early.extensions).toMatchObject({ code: 'CONFLICT', reason: 'MEETING_NOT_ENDED' });
    expect(early.message).toBe('会議が終了してから議事録を確定してください。');
    // While it runs, the draft export has an open end time.
    const running = (await download(server.url, `/api/meetings/${live.meetingId}/minutes.md`, s.observer.client)).body.toString('utf8');
    expect(running.split('\n')[0]).toBe('# 第4回 ワークショップ 議事録（案）');
    expect(running).toMatch(/\*\*日時\*\*: \d{4}年\d{1,2}月\d{1,2}日\([月火水木金土日]\) \d{2}:\d{2}–\n/);
    // endMeeting keeps the notes (the draft already existed).
    await endMeeting(s.organizer.client, live.meetingId);
    const after = await s.secretariat.client.ok<{ meeting: { minutes: Minutes } }>(MEETING_MINUTES, { id: live.meetingId });
    expect(after.meeting.minutes).toMatchObject({ status: 'DRAFT', summary: '会議中のメモ' });

    // Edits racing the finalisation either land before the freeze (and are in it) or are refused.
    const results = await Promise.all([
      ...[1, 2, 3].map((n) => s.secretariat.client.raw(UPDATE_SUMMARY, { m: live.meetingId, s: `競合する編集 ${n}` })),
      s.organizer.client.raw(FINALIZE, { m: live.meetingId }),
      ...[4, 5, 6].map((n) => s.secretariat.client.raw(UPDATE_SUMMARY, { m: live.meetingId, s: `競合する編集 ${n}` })),
    ]);
    for (const r of results) if (r.errors) expect(r.errors[0]?.extensions?.reason).toBe('MINUTES_FINAL');
    const frozen = JSON.parse((await download(server.url, `/api/meetings/${live.meetingId}/minutes.json`, s.observer.client)).body.toString('utf8'));
    const [row] = await sql<{ summary: string }>(server.databaseUrl, 'SELECT summary FROM minutes WHERE meeting_id = $1', [live.meetingId]);
    expect(frozen.document.summary).toBe(row?.summary);
    expect(sha256Hex(canonicalJson(frozen.document))).toBe(frozen.contentHash);
  });

  it('freezes the document with sha256(canonicalJson(document)); exports then use it, unmarked as draft, with the hash', async () => {
    const final = (await s.secretariat.client.ok<{ finalizeMinutes: Minutes }>(FINALIZE, { m: s.meetingId })).finalizeMinutes;
    expect(final).toMatchObject({ status: 'FINAL', summary: SUMMARY, finalizedById: s.secretariat.id });
    expect(final.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await auditCount('minutes.finalize')).toBe(1);

    const res = await download(server.url, `/api/meetings/${s.meetingId}/minutes.json`, s.participant.client);
    expect(res.headers.get('x-minutes-status')).toBe('FINAL');
    expect(res.headers.get('x-minutes-content-hash')).toBe(final.contentHash);
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent(`${MEETING_TITLE}_議事録.json`));
    const text = res.body.toString('utf8');
    const json = JSON.parse(text);
    expect(json).toMatchObject({ status: 'FINAL', contentHash: final.contentHash });
    expect(json.document).toMatchObject({ status: 'FINAL', summary: SUMMARY, footer: { finalizedAt: final.finalizedAt, finalizedBy: '事務局 四郎' } });
    expect(sha256Hex(canonicalJson(json.document))).toBe(final.contentHash);

    // Verifiable offline with the same tool as the records…
    const dir = mkdtempSync(path.join(os.tmpdir(), 'yoriai-minutes-'));
    try {
      writeFileSync(path.join(dir, 'minutes.json'), text);
      const ok = spawnSync(process.execPath, [VERIFIER, path.join(dir, 'minutes.json')], { encoding: 'utf8' });
      expect([ok.status, ok.stdout]).toEqual([0, `OK: final minutes, content hash ${final.contentHash}\n`]);
      writeFileSync(path.join(dir, 'minutes.json'), text.replace('次回は財源を議論する', '次回は財源を議論しない'));
      const bad = spawnSync(process.execPath, [VERIFIER, path.join(dir, 'minutes.json')], { encoding: 'utf8' });
      expect(bad.status).toBe(1);
      expect(bad.stdout).toMatch(/^BROKEN: content hash mismatch/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    const md = (await download(server.url, `/api/meetings/${s.meetingId}/minutes.md`, s.participant.client)).body.toString('utf8');
    expect(md.split('\n')[0]).toBe(`# ${MEETING_TITLE} 議事録`);
    expect(md).not.toContain('（案）');
    expect(md).toContain(`**議事録の内容ハッシュ（SHA-256）**: ${final.contentHash}`);
    expect(md).toContain('**確定者**: 事務局 四郎');
    const pdf = pdfText((await download(server.url, `/api/meetings/${s.meetingId}/minutes.pdf?lang=en`, s.participant.client)).body);
    expect(pdf).toContain(`${MEETING_TITLE} Minutes`);
    expect(pdf).not.toContain('DRAFT');
    expect(pdf.replace(/\s+/g, '')).toContain(`sha256:${final.contentHash}`);
  });

  it('locks final minutes: every later edit is CONFLICT MINUTES_FINAL, and later activity does not change them', async () => {
    const hashBefore = (await s.organizer.client.ok<{ meeting: { minutes: Minutes } }>(MEETING_MINUTES, { id: s.meetingId })).meeting.minutes.contentHash;
    for (const [op, vars] of [
      [UPDATE_SUMMARY, { m: s.meetingId, s: '書き換え' }],
      [UPDATE_ITEM_SUMMARY, { i: s.itemIds[0], s: '書き換え' }],
      [FINALIZE, { m: s.meetingId }],
    ] as const) {
      const err = await s.secretariat.client.fail(op, vars);
      expect(err.extensions).toMatchObject({ code: 'CONFLICT', reason: 'MINUTES_FINAL' });
    }
    const en = new GqlClient(server.url, 'en').withToken(s.secretariat.client.token as string);
    expect((await en.fail(UPDATE_SUMMARY, { m: s.meetingId, s: 'x' })).message).toBe('These minutes are final and can no longer be changed.');

    // A dissent response written afterwards is not in the final minutes (they are frozen).
    const concern = s.openRecord.dissent.find((d) => d.kind === 'COMMENT');
    await s.organizer.client.ok('mutation($i: RespondToDissentInput!) { respondToDissent(input: $i) { id } }', {
      i: { recordId: s.openRecord.id, dissentId: concern?.id, response: '確定後の回答' },
    });
    const json = JSON.parse((await download(server.url, `/api/meetings/${s.meetingId}/minutes.json`, s.participant.client)).body.toString('utf8'));
    expect(json.contentHash).toBe(hashBefore);
    expect(JSON.stringify(json.document)).not.toContain('確定後の回答');
    expect(json.document.agenda[0].proposals[0].decisions[0].dissent.find((d: { id: string }) => d.id === concern?.id).responses).toEqual([]);
    const [row] = await sql<{ summary: string; status: string }>(server.databaseUrl, 'SELECT summary, status FROM minutes WHERE meeting_id = $1', [s.meetingId]);
    expect(row).toEqual({ summary: SUMMARY, status: 'FINAL' });
    expect(await auditCount('minutes.finalize')).toBe(1);
  });
});

