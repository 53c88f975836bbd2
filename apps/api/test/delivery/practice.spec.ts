import { verifyPractice } from '@yoriai/domain';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { RunningServer } from '../../src/server';
import type { Account } from '../support/factories';
import { GqlClient } from '../support/graphql-client';
import { download } from '../support/minutes-factories';
import { newMember, newProcess, type TestProcess } from '../support/process-factories';
import { sql } from '../support/proposal-factories';
import { addItem, daysFromToday, decidedProposal, RECORD_MEASUREMENT, SETTINGS, UPDATE_ITEM, type Decided } from '../support/delivery-factories';
import { startTestServer } from '../support/test-app';

const IMPORT = `mutation($p: ID!, $pkg: JSON!) { importPractice(processId: $p, package: $pkg) {
  id title status body kpis { indicator baseline target deadline unit } revisesRecordId
  provenance { sourceProcess sourceProcessTitle region recordId recordHash headHash verified verifyReason importedAt } } }`;
const TEMPLATES = 'query($id: ID!) { process(id: $id) { importedTemplates { proposalId title status provenance { region verified verifyReason recordHash } } } }';
const VERIFIER = path.join(__dirname, '../../../../tools/verify-records.mjs');

type Pkg = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function offline(pkg: unknown): { code: number; out: string } {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'practice-')), 'practice.json');
  writeFileSync(file, JSON.stringify(pkg));
  try {
    return { code: 0, out: execFileSync(process.execPath, [VERIFIER, file], { encoding: 'utf8' }) };
  } catch (e) {
    const err = e as { status: number; stdout: string };
    return { code: err.status, out: err.stdout };
  }
}

/**
 * 横展開 over the real server: a decided proposal exported as a practice package (record, chain
 * links, KPIs, progress) is imported into another process as a DRAFT template whose provenance
 * says where it came from and whether its hashes verified — the same answer as the offline
 * verifier gives. Tampered packages import as unverified; malformed ones are refused whole.
 */
describe('practice packages (横展開): export → import round trip', () => {
  let server: RunningServer;
  let source: TestProcess;
  let target: TestProcess;
  let secretariat: Account;
  let participant: Account;
  let decided: Decided;
  let pkg: Pkg;

  beforeAll(async () => {
    server = await startTestServer();
    const anon = new GqlClient(server.url);
    source = await newProcess(anon, 'みなと川市 地方創生2.0 協議会');
    target = await newProcess(anon, 'やまびこ町 地域づくり会議');
    secretariat = await newMember(anon, source, 'SECRETARIAT', 'GOVERNMENT', '事務局 花子');
    participant = await newMember(anon, source, 'PARTICIPANT', 'INDUSTRY', '商工会 太郎');
    await source.organizer.client.ok(SETTINGS, { i: { processId: source.id, region: '架空県みなと川市' } });
    decided = await decidedProposal(source.organizer.client, source, [participant.client], {
      title: '移住相談のワンストップ窓口 🏠',
      kpis: [{ indicator: '移住相談件数', baseline: '年間120件', target: '年間300件', deadline: '2027-03-31', unit: '件' }],
    });
    const item = await addItem(secretariat.client, decided.record.id, { title: '窓口の開設', ownerSector: 'GOVERNMENT', kpiId: decided.kpiIds[0], dueDate: daysFromToday(60) });
    await secretariat.client.ok(UPDATE_ITEM, { i: { actionItemId: item.id, progress: 50 } });
    await secretariat.client.ok(RECORD_MEASUREMENT, { i: { kpiId: decided.kpiIds[0], value: 180, measuredAt: daysFromToday(-10), source: '窓口記録' } });
    // A later record in the chain: the package links the decision to the head through it.
    await decidedProposal(source.organizer.client, source, [participant.client], { title: '後の決定' });
    const res = await download(server.url, `/api/records/${decided.record.id}/practice.json`, secretariat.client);
    expect(res.status).toBe(200);
    pkg = JSON.parse(res.body.toString('utf8'));
  }, 60_000);
  afterAll(() => server.close());

  it('exports the decided text, the record as hashed, links to the head, KPIs with measurements and the roadmap', () => {
    expect(pkg).toMatchObject({
      format: 'yoriai.practice/1',
      source: { processId: source.id, processTitle: 'みなと川市 地方創生2.0 協議会', region: '架空県みなと川市', pillar: { position: 1 } },
      proposal: { id: decided.proposal.id, title: '移住相談のワンストップ窓口 🏠', kpis: [{ indicator: '移住相談件数', unit: '件' }] },
      record: { id: decided.record.id, seq: decided.record.seq, hash: decided.record.hash },
      chain: { length: decided.record.seq + 1 },
    });
    expect(pkg.chain.links.map((l: { seq: number }) => l.seq)).toEqual([decided.record.seq, decided.record.seq + 1]);
    expect(pkg.progress.kpis[0]).toMatchObject({ id: decided.kpiIds[0], latest: { value: 180 }, measurements: [{ value: 180, source: '窓口記録', sector: 'GOVERNMENT' }] });
    expect(pkg.progress.roadmap[0]).toMatchObject({ title: '窓口の開設', status: 'IN_PROGRESS', progress: 50 });
    expect(verifyPractice(pkg as never)).toEqual({ verified: true, reason: null });
    expect(offline(pkg)).toMatchObject({ code: 0, out: expect.stringContaining('OK: practice package') });
  });

  it('imports it into another process as a DRAFT template with verified provenance, listed on the process', async () => {
    const { importPractice: t } = await target.organizer.client.ok<{ importPractice: Pkg }>(IMPORT, { p: target.id, pkg });
    expect(t).toMatchObject({
      status: 'DRAFT',
      title: '移住相談のワンストップ窓口 🏠',
      body: pkg.proposal.body,
      kpis: [{ indicator: '移住相談件数', baseline: '年間120件', target: '年間300件', deadline: '2027-03-31', unit: '件' }],
      provenance: { sourceProcess: source.id, sourceProcessTitle: 'みなと川市 地方創生2.0 協議会', region: '架空県みなと川市', recordId: decided.record.id, recordHash: decided.record.hash, headHash: pkg.chain.headHash, verified: true, verifyReason: null },
    });
    const listed = (await target.organizer.client.ok<{ process: { importedTemplates: Pkg[] } }>(TEMPLATES, { id: target.id })).process.importedTemplates;
    expect(listed).toEqual([{ proposalId: t.id, title: t.title, status: 'DRAFT', provenance: { region: '架空県みなと川市', verified: true, verifyReason: null, recordHash: decided.record.hash } }]);
    const audit = await sql<{ action: string }>(server.databaseUrl, "SELECT action FROM audit_log WHERE process_id = $1 AND action = 'practice.import'", [target.id]);
    expect(audit).toHaveLength(1);
  });

  it('imports a tampered package as unverified, with the same reason the offline verifier gives', async () => {
    const tampered: Array<[string, (p: Pkg) => void, string]> = [
      ['the decided text changed', (p) => (p.proposal.body += '\n（改ざん）'), 'CONTENT_HASH_MISMATCH'],
      ['the record body changed', (p) => (p.record.body.tally.agree = 99), 'RECORD_HASH_MISMATCH'],
      ['a link dropped', (p) => p.chain.links.splice(1, 1), 'HEAD_MISMATCH'],
      ['a rejected record', (p) => (p.record.body.outcome = 'REJECTED'), 'RECORD_HASH_MISMATCH'],
    ];
    for (const [what, change, reason] of tampered) {
      const copy = JSON.parse(JSON.stringify(pkg)) as Pkg;
      change(copy);
      const { importPractice: t } = await target.organizer.client.ok<{ importPractice: Pkg }>(IMPORT, { p: target.id, pkg: copy });
      expect([what, t.provenance.verified, t.provenance.verifyReason]).toEqual([what, false, reason]);
      expect([what, verifyPractice(copy as never).reason]).toEqual([what, reason]);
      expect([what, offline(copy)]).toEqual([what, { code: 1, out: `BROKEN: ${reason}\n` }]);
    }
  });

  it('refuses malformed or oversized packages with typed errors and writes nothing', async () => {
    const count = async () => (await sql<{ n: number }>(server.databaseUrl, 'SELECT (SELECT count(*) FROM proposal WHERE process_id = $1) + (SELECT count(*) FROM audit_log WHERE process_id = $1) AS n', [target.id]))[0]!.n;
    const before = await count();
    const bad: Array<[unknown, string, string?]> = [
      [{ ...pkg, format: 'yoriai.practice/9' }, 'PRACTICE_FORMAT_UNKNOWN'],
      ['文字列', 'PRACTICE_FORMAT_UNKNOWN'],
      [{ ...pkg, proposal: { ...pkg.proposal, title: 'あ'.repeat(201) } }, 'PRACTICE_INVALID', '$.proposal.title'],
      [{ ...pkg, record: { ...pkg.record, hash: 'XYZ' } }, 'PRACTICE_INVALID', '$.record.hash'],
      [{ ...pkg, chain: { ...pkg.chain, links: [] } }, 'PRACTICE_INVALID', '$.chain.links'],
      [{ ...pkg, proposal: { ...pkg.proposal, kpis: [{ indicator: '', target: 'x' }] } }, 'PRACTICE_INVALID', '$.proposal.kpis[0].indicator'],
      [{ ...pkg, source: undefined }, 'PRACTICE_INVALID', '$.source'],
      [{ ...pkg, padding: 'x'.repeat(200_001) }, 'PRACTICE_TOO_LARGE'],
    ];
    for (const [input, reason, where] of bad) {
      const err = await target.organizer.client.fail(IMPORT, { p: target.id, pkg: input });
      expect([reason, err.extensions?.code, err.extensions?.reason]).toEqual([reason, 'BAD_USER_INPUT', reason]);
      if (where) expect(err.message).toContain(where);
    }
    expect(await count()).toBe(before);
  });

  it('lets only organisers and the secretariat export, and refuses a record that was not adopted', async () => {
    expect((await download(server.url, `/api/records/${decided.record.id}/practice.json`, participant.client)).status).toBe(403);
    expect((await download(server.url, `/api/records/${decided.record.id}/practice.json`)).status).toBe(401);
    const csv = await download(server.url, `/api/records/${decided.record.id}/practice.csv`, secretariat.client);
    expect(csv.status).toBe(200);
    expect(csv.body.toString('utf8')).toContain('移住相談件数');
    const other = await target.organizer.client.fail(IMPORT, { p: source.id, pkg });
    expect(other.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_A_MEMBER' });
  });
});
