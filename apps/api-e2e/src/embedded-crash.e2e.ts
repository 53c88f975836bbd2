import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { freePort, gql, MAIN, WORKSPACE } from './support/built-server';

const VOTERS = 30;
const CHOICES = ['AGREE', 'DISAGREE', 'ABSTAIN', 'BLOCK'] as const;
const CAST_VOTE = 'mutation($i: CastVoteInput!) { castVote(input: $i) { id choice } }';
const ADD_COMMENT = 'mutation($i: AddCommentInput!) { addComment(input: $i) { id } }';

interface Product {
  child: ChildProcess;
  url: string;
  output(): string;
}

/** `npm start` without DATABASE_URL, in a process group of its own: the embedded postmaster is in it too. */
function startProduct(dataDir: string, port: number): Product {
  const env = { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' } as NodeJS.ProcessEnv;
  for (const k of ['DATABASE_URL', 'REDIS_URL', 'NODE_ENV']) delete env[k];
  const child = spawn(process.execPath, [MAIN], { cwd: WORKSPACE, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  return { child, url: `http://127.0.0.1:${port}`, output: () => out };
}

async function healthy(product: Product, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (product.child.exitCode !== null) throw new Error(`exited early:\n${product.output()}`);
    const ok = await fetch(`${product.url}/healthz`).then((r) => r.status === 200).catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`not healthy:\n${product.output()}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function ok<T>(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const r = await gql<T>(url, query, variables, token);
  if (r.errors?.length || !r.data) throw new Error(`${query.slice(0, 40)}: ${JSON.stringify(r.errors)}`);
  return r.data;
}

/**
 * The whole product (Node and its embedded PostgreSQL) is SIGKILLed while participants write — a
 * power cut or an OOM kill of the laptop app. Started again on the same data folder, the database
 * opens (crash recovery from the WAL) and every write a participant was told succeeded is there,
 * exactly once.
 */
describe('embedded database: SIGKILL of the whole product during writes, then start again', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'yoriai-crash-'));
  let product: Product | undefined;
  afterAll(async () => {
    if (product?.child.pid && alive(product.child.pid)) {
      product.child.kill('SIGTERM');
      await new Promise((r) => product?.child.once('exit', r));
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens the database again and keeps every acknowledged vote and comment', async () => {
    const port = await freePort();
    product = startProduct(dataDir, port);
    await healthy(product);
    const url = product.url;
    const { signUp } = await ok<{ signUp: { token: string } }>(url, 'mutation($i: SignUpInput!) { signUp(input: $i) { token } }', {
      i: { email: 'crash@example.test', password: 'correct horse battery', displayName: '停電 試験' },
    });
    const organizer = signUp.token;
    const { createProcess } = await ok<{ createProcess: { id: string; pillars: { id: string }[] } }>(url, 'mutation($i: CreateProcessInput!) { createProcess(input: $i) { id pillars { id } } }', { i: { title: '停電試験の協議会' } }, organizer);
    const { createProposal } = await ok<{ createProposal: { id: string } }>(
      url,
      'mutation($i: CreateProposalInput!) { createProposal(input: $i) { id } }',
      { i: { processId: createProcess.id, pillarId: createProcess.pillars[0].id, title: '停電中の提案', body: '本文' } },
      organizer,
    );
    const proposalId = createProposal.id;
    await ok(url, 'mutation($i: OpenVotingInput!) { openVoting(input: $i) { id } }', { i: { proposalId } }, organizer);
    const { createMeeting } = await ok<{ createMeeting: { id: string } }>(url, 'mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }', { i: { processId: createProcess.id, title: '停電試験の会議' } }, organizer);
    const { startMeeting } = await ok<{ startMeeting: { joinCode: string } }>(url, 'mutation($id: ID!) { startMeeting(meetingId: $id) { joinCode } }', { id: createMeeting.id }, organizer);
    const guests: { id: string; token: string }[] = [];
    for (let i = 0; i < VOTERS; i++) {
      const { joinMeeting } = await ok<{ joinMeeting: { token: string; participant: { id: string } } }>(
        url,
        'mutation($i: JoinMeetingInput!) { joinMeeting(input: $i) { token participant { id } } }',
        { i: { code: startMeeting.joinCode, displayName: `参加者 ${i + 1}`, sector: ['INDUSTRY', 'GOVERNMENT', 'ACADEMIA', 'CITIZEN'][i % 4] } },
      );
      guests.push({ id: joinMeeting.participant.id, token: joinMeeting.token });
    }

    // Everyone writes as fast as they can; the product is killed mid-stream.
    const acked = { votes: [] as { participantId: string; clientRequestId: string; choice: string }[], comments: [] as { authorId: string; clientRequestId: string; body: string }[] };
    let killed = false;
    const writers = guests.map(async (g, v) => {
      for (let k = 0; !killed && k < 500; k++) {
        const choice = CHOICES[(v + k) % 4];
        const vote = { participantId: g.id, clientRequestId: randomUUID(), choice };
        const r = await gql<{ castVote: { id: string } }>(url, CAST_VOTE, { i: { proposalId, choice, clientRequestId: vote.clientRequestId } }, g.token).catch(() => null);
        if (!r?.data) return;
        acked.votes.push(vote);
        const comment = { authorId: g.id, clientRequestId: randomUUID(), body: `停電前の意見 ${v}-${k} 🔌` };
        const c = await gql<{ addComment: { id: string } }>(url, ADD_COMMENT, { i: { proposalId, stance: 'NEUTRAL', body: comment.body, clientRequestId: comment.clientRequestId } }, g.token).catch(() => null);
        if (!c?.data) return;
        acked.comments.push(comment);
      }
    });
    const deadline = Date.now() + 60_000;
    while (acked.votes.length < 200 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(acked.votes.length).toBeGreaterThanOrEqual(200);
    const pid = product.child.pid as number;
    const exited = new Promise((r) => product?.child.once('exit', r));
    process.kill(-pid, 'SIGKILL');
    killed = true;
    await exited;
    await Promise.all(writers);
    // The postmaster died with the product (same process group): nothing shut down cleanly.
    const pidFile = path.join(dataDir, 'pg/postmaster.pid');
    expect(existsSync(pidFile)).toBe(true);
    const postmaster = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    for (let i = 0; i < 50 && alive(postmaster); i++) await new Promise((r) => setTimeout(r, 100));
    expect(alive(postmaster)).toBe(false);

    // Start again on the same data folder: PostgreSQL recovers from its WAL and the API serves.
    product = startProduct(dataDir, await freePort());
    await healthy(product);
    const [, , , port2] = readFileSync(pidFile, 'utf8').split('\n');
    const db = new Client({ connectionString: `postgres://postgres:${encodeURIComponent(readFileSync(path.join(dataDir, 'pg-password'), 'utf8').trim())}@127.0.0.1:${port2.trim()}/yoriai` });
    await db.connect();
    try {
      const votes = (await db.query<{ key: string; n: number }>(`SELECT participant_id || '/' || client_request_id AS key, count(*)::int AS n FROM vote_event GROUP BY 1`)).rows;
      expect(votes.filter((r) => r.n !== 1)).toEqual([]);
      const storedVotes = new Set(votes.map((r) => r.key));
      expect(acked.votes.filter((a) => !storedVotes.has(`${a.participantId}/${a.clientRequestId}`))).toEqual([]);
      const comments = (await db.query<{ key: string; body: string }>(`SELECT author_id || '/' || client_request_id AS key, body FROM comment WHERE proposal_id = $1`, [proposalId])).rows;
      const storedComments = new Map(comments.map((c) => [c.key, c.body]));
      expect(acked.comments.filter((c) => storedComments.get(`${c.authorId}/${c.clientRequestId}`) !== c.body)).toEqual([]);
      // Each voter's current vote is one they sent, and not older than their last acknowledged one.
      const current = (await db.query<{ participant_id: string; event_id: string }>('SELECT participant_id, event_id FROM vote')).rows;
      expect(current).toHaveLength(VOTERS);
      const events = (await db.query<{ key: string; id: string }>(`SELECT participant_id || '/' || client_request_id AS key, id FROM vote_event`)).rows;
      const eventOf = new Map(events.map((e) => [e.key, BigInt(e.id)]));
      const lastAcked = new Map(acked.votes.map((a) => [a.participantId, eventOf.get(`${a.participantId}/${a.clientRequestId}`) ?? 0n]));
      expect(current.filter((c) => BigInt(c.event_id) < (lastAcked.get(c.participant_id) ?? 0n))).toEqual([]);
      const [{ n: withoutAudit }] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM vote_event e WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.data->>'eventId' = e.id::text)`)).rows;
      expect(withoutAudit).toBe(0);
    } finally {
      await db.end();
    }
    // And the product works as before: the organiser signs in and reads the tally.
    const back = await ok<{ signIn: { token: string } }>(product.url, 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }', { e: 'crash@example.test', p: 'correct horse battery' });
    const tally = await ok<{ proposal: { tally: { total: number } } }>(product.url, 'query($id: ID!) { proposal(id: $id) { tally { total } } }', { id: proposalId }, back.signIn.token);
    expect(tally.proposal.tally.total).toBe(VOTERS);
  }, 180_000);
});
