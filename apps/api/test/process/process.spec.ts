import { DEFAULT_PILLARS } from '@yoriai/domain';
import type { RunningServer } from '../../src/server';
import { newAccount } from '../support/factories';
import { GqlClient } from '../support/graphql-client';
import { newMember, newProcess } from '../support/process-factories';
import { startTestServer } from '../support/test-app';

const PROCESS = 'query($id: ID!) { process(id: $id) { id title pillars { id position key title titleEn } myMembership { role sector } members { role sector participant { displayName } } } }';

describe('processes, pillars and membership', () => {
  let server: RunningServer;
  let anon: GqlClient;
  beforeAll(async () => {
    server = await startTestServer();
    anon = new GqlClient(server.url);
  });
  afterAll(() => server.close());

  it('creates a process with the five pillars of 地方創生2.0 and makes the creator its organiser', async () => {
    const p = await newProcess(anon, '秋田県 テスト市 地域ビジョン協議会🌾');
    const data = await p.organizer.client.ok<{ process: { title: string; pillars: { position: number; key: string; title: string }[]; myMembership: { role: string } } }>(PROCESS, { id: p.id });
    expect(data.process.title).toBe('秋田県 テスト市 地域ビジョン協議会🌾');
    expect(data.process.pillars.map((x) => x.title)).toEqual(DEFAULT_PILLARS.map((x) => x.titleJa));
    expect(data.process.pillars.map((x) => x.position)).toEqual([1, 2, 3, 4, 5]);
    expect(data.process.myMembership.role).toBe('ORGANIZER');
  });

  it('lets the organiser add, rename and reorder pillars', async () => {
    const p = await newProcess(anon);
    const c = p.organizer.client;
    const added = await c.ok<{ addPillar: { id: string; position: number } }>('mutation($i: AddPillarInput!) { addPillar(input: $i) { id position } }', {
      i: { processId: p.id, title: '⑥ 雪国の暮らし', position: 1 },
    });
    expect(added.addPillar.position).toBe(1);
    await c.ok('mutation($i: RenamePillarInput!) { renamePillar(input: $i) { id } }', { i: { pillarId: added.addPillar.id, title: '雪国の暮らしと交通', titleEn: 'Snow-country living' } });
    const order = [...p.pillarIds].reverse().concat(added.addPillar.id);
    const reordered = await c.ok<{ reorderPillars: { id: string }[] }>('mutation($i: ReorderPillarsInput!) { reorderPillars(input: $i) { id } }', { i: { processId: p.id, pillarIds: order } });
    expect(reordered.reorderPillars.map((x) => x.id)).toEqual(order);
    const incomplete = await c.fail('mutation($i: ReorderPillarsInput!) { reorderPillars(input: $i) { id } }', { i: { processId: p.id, pillarIds: order.slice(1) } });
    expect(incomplete.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PILLAR_ORDER_INCOMPLETE' });
  });

  it('gives each member exactly one sector per process; adding again changes role and sector', async () => {
    const p = await newProcess(anon);
    const m = await newMember(anon, p, 'PARTICIPANT', 'LABOUR', '労働 次郎');
    await p.organizer.client.ok('mutation($i: AddMemberInput!) { addMember(input: $i) { id } }', { i: { processId: p.id, participantId: m.id, role: 'FACILITATOR', sector: 'MEDIA' } });
    const data = await m.client.ok<{ process: { myMembership: { role: string; sector: string }; members: unknown[] } }>(PROCESS, { id: p.id });
    expect(data.process.myMembership).toEqual({ role: 'FACILITATOR', sector: 'MEDIA' });
    expect(data.process.members).toHaveLength(2);
  });

  it('hides a process from non-members (NOT_FOUND) and refuses members without the right (FORBIDDEN)', async () => {
    const p = await newProcess(anon);
    const stranger = await newAccount(anon);
    const hidden = await stranger.client.fail(PROCESS, { id: p.id });
    expect(hidden.extensions?.code).toBe('NOT_FOUND');
    const observer = await newMember(anon, p, 'OBSERVER', 'CITIZEN');
    const denied = await observer.client.fail('mutation($i: AddPillarInput!) { addPillar(input: $i) { id } }', { i: { processId: p.id, title: 'x' } });
    expect(denied.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
    const anonymous = await anon.fail(PROCESS, { id: p.id });
    expect(anonymous.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('keeps at least one organiser', async () => {
    const p = await newProcess(anon);
    const err = await p.organizer.client.fail('mutation($i: AddMemberInput!) { addMember(input: $i) { id } }', {
      i: { processId: p.id, participantId: p.organizer.id, role: 'PARTICIPANT', sector: 'INDUSTRY' },
    });
    expect(err.extensions).toMatchObject({ code: 'CONFLICT', reason: 'LAST_ORGANIZER' });
  });

  it('rejects invalid input with BAD_USER_INPUT and writes nothing', async () => {
    const acct = await newAccount(anon);
    const before = await acct.client.ok<{ processes: unknown[] }>('{ processes { id } }');
    for (const input of [{ title: '' }, { title: 'あ'.repeat(201) }, { title: 'ok', defaultRule: 'UNANIMITY' }, { title: 'ok', sector: 'CLERGY' }]) {
      const err = await acct.client.fail('mutation($i: CreateProcessInput!) { createProcess(input: $i) { id } }', { i: input });
      expect(err.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const after = await acct.client.ok<{ processes: unknown[] }>('{ processes { id } }');
    expect(after.processes).toHaveLength(before.processes.length);
  });
});
