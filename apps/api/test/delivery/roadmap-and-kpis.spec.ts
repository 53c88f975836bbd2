import { room } from '@yoriai/realtime-contract';
import type { Account } from '../support/factories';
import { quietFor, waitUntil } from '../support/live-client';
import { useLiveTestServer } from '../support/live-test-server';
import { newMember, newProcess, type TestProcess } from '../support/process-factories';
import { newProposal, sql } from '../support/proposal-factories';
import {
  addItem,
  daysFromToday,
  decidedProposal,
  PROPOSAL_KPIS,
  RECORD_MEASUREMENT,
  UPDATE_ITEM,
  type Decided,
  type TestItem,
  type TestMeasurement,
} from '../support/delivery-factories';

const AUDIT = 'query($id: ID!, $first: Int) { auditLog(processId: $id, first: $first) { action targetId data } }';

/**
 * After the vote: KPIs tracked with dated measurements (a correction is a new entry, the old one
 * stays) and action items moved along the roadmap with reasons — over real GraphQL, audited, and
 * pushed to the proposal and process rooms only after commit.
 */
describe('delivery: KPI measurements and roadmap milestones', () => {
  const env = useLiveTestServer();
  let p: TestProcess;
  let secretariat: Account;
  let industry: Account;
  let labour: Account;
  let observer: Account;
  let decided: Decided;

  beforeAll(async () => {
    p = await newProcess(env.anon, 'みなと川市 地方創生2.0 協議会');
    secretariat = await newMember(env.anon, p, 'SECRETARIAT', 'GOVERNMENT', '事務局 花子');
    industry = await newMember(env.anon, p, 'PARTICIPANT', 'INDUSTRY', '商工会 太郎');
    labour = await newMember(env.anon, p, 'PARTICIPANT', 'LABOUR', '連合 次郎');
    observer = await newMember(env.anon, p, 'OBSERVER', 'MEDIA', '記者 三郎');
    decided = await decidedProposal(p.organizer.client, p, [industry.client, labour.client], { title: '移住・定住の相談窓口を一本化する' });
  });

  it('gives each KPI of a decided proposal a stable id and keeps every measurement; a correction supersedes, never overwrites', async () => {
    const kpiId = decided.kpiIds[0]!;
    expect(decided.kpiIds).toEqual([`${decided.proposal.id}:1`, `${decided.proposal.id}:2`]);
    const first = (await secretariat.client.ok<{ recordKpiMeasurement: TestMeasurement }>(RECORD_MEASUREMENT, { i: { kpiId, value: 150, measuredAt: daysFromToday(-60), source: '市 移住相談記録', note: '第1四半期 📈' } })).recordKpiMeasurement;
    expect(first).toMatchObject({ kpiId, value: 150, sector: 'GOVERNMENT', supersedesId: null, source: '市 移住相談記録', note: '第1四半期 📈' });
    await secretariat.client.ok(RECORD_MEASUREMENT, { i: { kpiId, value: 180, measuredAt: daysFromToday(-30) } });
    const corrected = (await secretariat.client.ok<{ recordKpiMeasurement: TestMeasurement }>(RECORD_MEASUREMENT, { i: { kpiId, value: 155, measuredAt: daysFromToday(-60), note: '集計漏れを訂正' } })).recordKpiMeasurement;
    expect(corrected.supersedesId).toBe(first.id);

    type K = { proposal: { kpis: Array<{ id: string; unit: string | null; status: Record<string, unknown>; measurements: TestMeasurement[] }> } };
    const current = (await observer.client.ok<K>(PROPOSAL_KPIS, { id: decided.proposal.id })).proposal.kpis[0]!;
    expect(current.measurements.map((m) => [m.measuredAt, m.value])).toEqual([
      [daysFromToday(-60), 155],
      [daysFromToday(-30), 180],
    ]);
    expect(current.status).toMatchObject({ baselineValue: 120, targetValue: 300, latestValue: 180, latestMeasuredAt: daysFromToday(-30), reached: false });
    expect(current.status.progress).toBeCloseTo((180 - 120) / (300 - 120), 6);
    const history = (await observer.client.ok<K>(PROPOSAL_KPIS, { id: decided.proposal.id, h: true })).proposal.kpis[0]!;
    expect(history.measurements.map((m) => m.value)).toEqual([150, 155, 180]);

    const audit = (await p.organizer.client.ok<{ auditLog: Array<{ action: string; targetId: string; data: string }> }>(AUDIT, { id: p.id, first: 3 })).auditLog;
    expect(audit.map((a) => a.action)).toEqual(['kpi.correct', 'kpi.measure', 'kpi.measure']);
    expect(JSON.parse(audit[0]!.data)).toMatchObject({ kpiId, value: 155, previousValue: 150, supersedesId: first.id });
  });

  it('refuses bad measurements with typed errors and writes nothing', async () => {
    const count = async () => (await sql<{ n: number }>(env.server.databaseUrl, 'SELECT count(*)::int AS n FROM kpi_measurement WHERE process_id = $1', [p.id]))[0]!.n;
    const before = await count();
    const kpiId = decided.kpiIds[1]!;
    const cases: Array<[Account, Record<string, unknown>, string, string]> = [
      [secretariat, { kpiId, value: 1, measuredAt: daysFromToday(40) }, 'BAD_USER_INPUT', 'MEASUREMENT_IN_FUTURE'],
      [secretariat, { kpiId, value: 1, measuredAt: '2027-02-30' }, 'BAD_USER_INPUT', 'VALIDATION_FAILED'],
      [secretariat, { kpiId: `${decided.proposal.id}:9`, value: 1, measuredAt: daysFromToday(-1) }, 'NOT_FOUND', 'NOT_FOUND'],
      [secretariat, { kpiId: 'not-a-kpi', value: 1, measuredAt: daysFromToday(-1) }, 'NOT_FOUND', 'NOT_FOUND'],
      [secretariat, { kpiId, value: 1, measuredAt: daysFromToday(-1), note: 'x'.repeat(2001) }, 'BAD_USER_INPUT', 'VALIDATION_FAILED'],
      [industry, { kpiId, value: 1, measuredAt: daysFromToday(-1) }, 'FORBIDDEN', 'ROLE_NOT_ALLOWED'],
      [observer, { kpiId, value: 1, measuredAt: daysFromToday(-1) }, 'FORBIDDEN', 'ROLE_NOT_ALLOWED'],
    ];
    for (const [who, input, code, reason] of cases) {
      const err = await who.client.fail(RECORD_MEASUREMENT, { i: input });
      expect([input, err.extensions?.code]).toEqual([input, code]);
      if (reason !== 'VALIDATION_FAILED') expect(err.extensions?.reason).toBe(reason);
    }
    // A KPI of a proposal that is not decided is not tracked.
    const open = await newProposal(p.organizer.client, p, { title: '未決の提案' });
    const err = await secretariat.client.fail(RECORD_MEASUREMENT, { i: { kpiId: `${open.id}:1`, value: 1, measuredAt: daysFromToday(-1) } });
    expect(err.extensions).toMatchObject({ code: 'CONFLICT', reason: 'KPI_NOT_TRACKED' });
    expect(await count()).toBe(before);
  });

  it('lets a member of the sector that owns a milestone measure its KPI and report its progress, but not edit it', async () => {
    const kpiId = decided.kpiIds[1]!;
    const item = await addItem(secretariat.client, decided.record.id, { title: '誘致説明会を開く', ownerOrganization: '商工会', ownerSector: 'INDUSTRY', kpiId, dueDate: daysFromToday(200) });
    expect(item).toMatchObject({ status: 'PLANNED', progress: 0, kpiId, late: false });
    const m = (await industry.client.ok<{ recordKpiMeasurement: TestMeasurement }>(RECORD_MEASUREMENT, { i: { kpiId, value: 2, measuredAt: daysFromToday(-3) } })).recordKpiMeasurement;
    expect(m.sector).toBe('INDUSTRY');
    const moved = (await industry.client.ok<{ updateActionItem: TestItem }>(UPDATE_ITEM, { i: { actionItemId: item.id, progress: 40 } })).updateActionItem;
    expect(moved).toMatchObject({ status: 'IN_PROGRESS', progress: 40 });
    expect((await industry.client.fail(UPDATE_ITEM, { i: { actionItemId: item.id, title: '勝手に改題' } })).extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
    expect((await labour.client.fail(UPDATE_ITEM, { i: { actionItemId: item.id, progress: 50 } })).extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
    expect((await labour.client.fail(RECORD_MEASUREMENT, { i: { kpiId, value: 3, measuredAt: daysFromToday(-2) } })).extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('moves milestones through the roadmap states: reasons for delays and drops, DONE is 100 %, dropped stays dropped', async () => {
    const s = secretariat.client;
    const item = await addItem(s, decided.record.id, { title: '体験住宅の改修', ownerSector: 'GOVERNMENT', startDate: daysFromToday(-90), dueDate: daysFromToday(-1) });
    expect(item.late).toBe(true);
    const update = (i: Record<string, unknown>) => s.ok<{ updateActionItem: TestItem }>(UPDATE_ITEM, { i: { actionItemId: item.id, ...i } }).then((r) => r.updateActionItem);
    const refuse = (i: Record<string, unknown>) => s.fail(UPDATE_ITEM, { i: { actionItemId: item.id, ...i } }).then((e) => [e.extensions?.code, e.extensions?.reason]);

    expect(await update({ status: 'IN_PROGRESS', progress: 30 })).toMatchObject({ status: 'IN_PROGRESS', progress: 30 });
    expect(await refuse({ status: 'DELAYED' })).toEqual(['BAD_USER_INPUT', 'REASON_REQUIRED']);
    const delayed = await update({ status: 'DELAYED', reason: '資材価格の高騰で入札不調 🏗️', dueDate: daysFromToday(120) });
    expect(delayed).toMatchObject({ status: 'DELAYED', statusReason: '資材価格の高騰で入札不調 🏗️', late: true, dueDate: daysFromToday(120) });
    expect(delayed.statusChangedAt).not.toBeNull();
    expect(await refuse({ progress: 101 })).toEqual(['BAD_USER_INPUT', 'VALIDATION_FAILED']);
    expect(await refuse({ status: 'DONE', progress: 80 })).toEqual(['BAD_USER_INPUT', 'INVALID_PROGRESS']);
    expect(await refuse({ startDate: daysFromToday(200) })).toEqual(['BAD_USER_INPUT', 'DATES_OUT_OF_ORDER']);
    expect(await update({ status: 'DONE' })).toMatchObject({ status: 'DONE', progress: 100, late: false });
    expect(await refuse({ status: 'IN_PROGRESS' })).toEqual(['BAD_USER_INPUT', 'REASON_REQUIRED']);
    expect(await update({ status: 'IN_PROGRESS', reason: '検査で不備が見つかった' })).toMatchObject({ status: 'IN_PROGRESS', progress: 99 });
    expect(await update({ status: 'DROPPED', reason: '国の補助制度が廃止された' })).toMatchObject({ status: 'DROPPED', late: false });
    expect(await refuse({ status: 'IN_PROGRESS', reason: '再開したい' })).toEqual(['CONFLICT', 'INVALID_STATUS_TRANSITION']);
    expect(await refuse({ status: 'DROPPED', reason: '国の補助制度が廃止された' })).toEqual(['BAD_USER_INPUT', 'NOTHING_TO_CHANGE']);
    expect(await refuse({ kpiId: `${decided.proposal.id}:7` })).toEqual(['BAD_USER_INPUT', 'KPI_NOT_OF_DECISION']);

    const audit = (await p.organizer.client.ok<{ auditLog: Array<{ action: string; targetId: string; data: string }> }>(AUDIT, { id: p.id, first: 1 })).auditLog[0]!;
    expect(audit).toMatchObject({ action: 'actionItem.update', targetId: item.id });
    expect(JSON.parse(audit.data)).toMatchObject({ before: { status: 'IN_PROGRESS' }, after: { status: 'DROPPED', statusReason: '国の補助制度が廃止された' }, reason: '国の補助制度が廃止された' });
  });

  it('pushes milestone changes and measurements to the proposal and process rooms after commit, and nothing for a refused change', async () => {
    const watcher = await env.connect({ token: observer.client.token });
    await watcher.subscribe(room.process(p.id));
    const item = await addItem(secretariat.client, decided.record.id, { title: '相談窓口の開設', ownerSector: 'GOVERNMENT', dueDate: daysFromToday(30) });
    await waitUntil(() => watcher.of('actionItem.updated').length === 1, () => 'actionItem.updated (add) not received');
    await secretariat.client.fail(UPDATE_ITEM, { i: { actionItemId: item.id, status: 'DELAYED' } });
    await secretariat.client.ok(UPDATE_ITEM, { i: { actionItemId: item.id, status: 'DELAYED', reason: '担当者の異動' } });
    await secretariat.client.ok(RECORD_MEASUREMENT, { i: { kpiId: decided.kpiIds[0], value: 210, measuredAt: daysFromToday(-1), source: '窓口記録' } });
    await waitUntil(() => watcher.of('actionItem.updated').length === 2 && watcher.of('kpi.measured').length === 1, () => 'delivery events not received');
    await quietFor(200);
    expect(watcher.of('actionItem.updated')).toHaveLength(2);
    expect(watcher.last('actionItem.updated')?.actionItem).toMatchObject({ id: item.id, proposalId: decided.proposal.id, status: 'DELAYED', statusReason: '担当者の異動', late: true, ownerSector: 'GOVERNMENT' });
    const measured = watcher.last('kpi.measured')?.measurement;
    expect(measured).toMatchObject({ kpiId: decided.kpiIds[0], value: 210, sector: 'GOVERNMENT', source: '窓口記録' });
    // No person in either payload: organisations and sectors only.
    expect(JSON.stringify(watcher.events)).not.toContain('事務局 花子');
  });
});
