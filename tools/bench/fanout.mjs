#!/usr/bin/env node
// Benchmark: real-time fan-out of vote tallies. Starts the built server (dist/, as `npm start` runs
// it) on a scratch database of the real PostgreSQL, joins a hall of guests with a join code,
// connects one socket.io client per guest subscribed to one proposal, and casts votes. For every
// acknowledged vote it measures the time until the LAST client holds a vote.tally that includes
// it (p50/p99/max), in two scenarios:
//   steady — bursts of 5 concurrent first votes, one burst every 150 ms (a hall voting over time)
//   storm  — every guest changes their vote at the same moment (the facilitator says "now")
// A tally "includes" a vote when it equals the state after the vote's burst (no other vote is in
// flight then), so the steady figures are exact; storm figures are measured to the final tally
// (an upper bound) and the time from the last acknowledgement to every client is printed too. Not part of the tests (timings are noisy).
//
//   node tools/bench/fanout.mjs [--clients=200] [--nodes=1] [--rate=N] [--baseline] [--json=<file>] [--no-build] [--keep-db]
//
// --rate=N makes the steady scenario a hall voting at N votes/s (bursts every 50 ms, each burst
// sent once the previous one is acknowledged, so the inclusion test stays exact).
// --baseline also measures, in the same run and with the same clients and bursts, a bare socket.io
// server (tools/bench/baseline-servers.mjs socket) that broadcasts a counter at once on every vote:
// the fan-out floor of this machine. --json writes the figures for tools/bench/run.mjs.
//
// --nodes=2 starts two servers sharing Redis (REDIS_URL, default redis://127.0.0.1:6379, with a
// prefix of its own): clients are spread over both nodes and every vote goes through node 1, so
// half the clients are reached through the Redis adapter.
// DATABASE_URL picks the PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBaseline } from './lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(join(root, 'package.json'));
const { Client } = require('pg');
const { io } = require('socket.io-client');
const { Redis } = require('ioredis');

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')).map(([k, v]) => [k, v ?? 'true']));
const CLIENTS = Number(args.get('clients') ?? 200);
const NODES = Number(args.get('nodes') ?? 1);
const RATE = args.has('rate') ? Number(args.get('rate')) : undefined;
const BURST_EVERY_MS = RATE ? 50 : 150;
const BURST = RATE ? Math.max(1, Math.round((RATE * BURST_EVERY_MS) / 1000)) : 5;
const TALLY_WINDOW_MS = 100; // apps/api/src/realtime/realtime.listener.ts
const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SECTORS = ['INDUSTRY', 'GOVERNMENT', 'ACADEMIA', 'FINANCE', 'LABOUR', 'MEDIA', 'CITIZEN'];
const MAIN = join(root, 'dist/apps/api/apps/api/src/main.js');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function build() {
  if (args.has('no-build') && existsSync(MAIN)) return;
  console.log('building the API (nx run api:build) …');
  const r = spawnSync('npx', ['nx', 'run', 'api:build', '--output-style=static'], { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function admin(sql) {
  const c = new Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function startNode(databaseUrl, redisPrefix) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'yoriai-bench-'));
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ...(redisPrefix ? { REDIS_URL, REDIS_PREFIX: redisPrefix } : { REDIS_URL: '' }),
  };
  const child = spawn(process.execPath, [MAIN], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok).catch(() => false);
    if (ok) return { url, child, dataDir };
    await sleep(100);
  }
  throw new Error('the server did not become healthy within 30 s');
}

async function gql(url, query, variables, token) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors?.length) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(body.errors)}`);
  return body.data;
}

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Per client: its tally events with the local receive time. */
function connectClient(url, token, proposalId) {
  return new Promise((resolve, reject) => {
    const socket = io(`${url}/live`, { path: '/socket.io', transports: ['websocket'], forceNew: true, reconnection: false, auth: { token } });
    const client = { socket, tallies: [] };
    socket.on('vote.tally', (e) => client.tallies.push({ at: performance.now(), tally: e.tally, seq: e.seq }));
    socket.once('connect_error', reject);
    socket.once('connect', () => {
      socket.timeout(10_000).emit('subscribe', { room: `proposal:${proposalId}` }, (err, ack) => (err || !ack.ok ? reject(err ?? new Error(JSON.stringify(ack))) : resolve(client)));
    });
  });
}

/** When every client has received a tally satisfying `done`: the latest of their first such receive times. */
async function allReached(clients, done, timeoutMs = 30_000) {
  const start = performance.now();
  for (;;) {
    const times = clients.map((c) => c.tallies.find((t) => done(t.tally))?.at);
    if (times.every((t) => t !== undefined)) return Math.max(...times);
    if (performance.now() - start > timeoutMs) throw new Error(`${times.filter((t) => t === undefined).length} clients never received the tally`);
    await sleep(2);
  }
}

/** When every client first held a tally with total ≥ expected: the latest of those first receive times. */
function firstReached(clients, expected) {
  return Math.max(...clients.map((c) => c.tallies.find((t) => t.tally.total >= expected)?.at ?? Infinity));
}

/**
 * Sends bursts of votes (`send(k)` casts the k-th vote and resolves at its acknowledgement), one
 * burst every BURST_EVERY_MS, each only after the previous burst is acknowledged: no earlier vote
 * is then uncommitted, so a tally whose total reaches the votes sent so far includes the whole burst.
 * Without --rate each burst also waits until every client has it (the original steady scenario);
 * with --rate the bursts keep their pace and the receive times are matched afterwards.
 */
async function runBursts(clients, bursts, send) {
  const latencies = [];
  const pending = [];
  let sent = 0;
  const t0 = performance.now();
  for (const size of bursts) {
    const started = performance.now();
    const acks = await Promise.all(Array.from({ length: size }, (_, j) => send(sent + j)));
    sent += size;
    const expected = sent;
    if (RATE) pending.push({ acks, expected });
    else {
      const reached = await allReached(clients, (t) => t.total >= expected);
      latencies.push(...acks.map((ack) => reached - ack));
    }
    const wait = BURST_EVERY_MS - (performance.now() - started);
    if (wait > 0) await sleep(wait);
  }
  const rate = sent / ((performance.now() - t0) / 1000);
  if (RATE) {
    await allReached(clients, (t) => t.total >= sent);
    for (const p of pending) {
      const reached = firstReached(clients, p.expected);
      latencies.push(...p.acks.map((ack) => reached - ack));
    }
  }
  return { latencies, rate };
}

/**
 * The same bursts against a bare socket.io server: POST /vote answers, then broadcasts {total} to
 * every client at once. Returns the ack → last-client latencies of every vote.
 */
async function measureBaseline(bursts) {
  const server = await startBaseline('socket');
  const clients = [];
  try {
    for (let i = 0; i < CLIENTS; i += 50) {
      clients.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(50, CLIENTS - i) }, () =>
            new Promise((resolve, reject) => {
              const socket = io(server.url, { path: '/socket.io', transports: ['websocket'], forceNew: true, reconnection: false });
              const client = { socket, tallies: [] };
              socket.on('vote.tally', (e) => client.tallies.push({ at: performance.now(), tally: e.tally, seq: e.seq }));
              socket.once('connect_error', reject);
              socket.once('connect', () => socket.timeout(10_000).emit('subscribe', { room: 'r' }, (err) => (err ? reject(err) : resolve(client))));
            }),
          ),
        )),
      );
    }
    await sleep(300);
    const { latencies } = await runBursts(clients, bursts, async () => {
      const res = await fetch(`${server.url}/vote`, { method: 'POST', body: '{}' });
      await res.arrayBuffer();
      return performance.now();
    });
    return latencies;
  } finally {
    for (const c of clients) c.socket.close();
    await server.stop();
  }
}

async function main() {
  build();
  const dbName = `yoriai_bench_${randomBytes(4).toString('hex')}`;
  const dbUrl = new URL(ADMIN_URL);
  dbUrl.pathname = `/${dbName}`;
  const prefix = NODES > 1 ? `yoriai-bench-${randomBytes(4).toString('hex')}` : undefined;
  await admin(`CREATE DATABASE ${dbName} ENCODING 'UTF8' TEMPLATE template0`);
  const nodes = [];
  const clients = [];
  try {
    // The first node migrates the scratch database; the others start after it.
    nodes.push(await startNode(dbUrl.toString(), prefix));
    for (let i = 1; i < NODES; i++) nodes.push(await startNode(dbUrl.toString(), prefix));
    const url = nodes[0].url;
    console.log(`server${NODES > 1 ? 's' : ''}: ${nodes.map((n) => n.url).join(', ')} · database ${dbName}${prefix ? ` · Redis prefix ${prefix}` : ''}`);

    const email = `bench-${randomUUID()}@example.test`;
    const { signUp } = await gql(url, 'mutation($i: SignUpInput!) { signUp(input: $i) { token } }', { i: { email, password: 'bench password 123', displayName: 'ベンチ 主催者' } });
    const organizer = signUp.token;
    const { createProcess } = await gql(url, 'mutation($i: CreateProcessInput!) { createProcess(input: $i) { id pillars { id } } }', { i: { title: 'ベンチマーク協議会' } }, organizer);
    const { createProposal } = await gql(
      url,
      'mutation($i: CreateProposalInput!) { createProposal(input: $i) { id } }',
      { i: { processId: createProcess.id, pillarId: createProcess.pillars[0].id, title: 'ベンチ提案', body: '本文' } },
      organizer,
    );
    const proposalId = createProposal.id;
    const { createMeeting } = await gql(url, 'mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }', { i: { processId: createProcess.id, title: 'ベンチ会議' } }, organizer);
    const { startMeeting } = await gql(url, 'mutation($id: ID!) { startMeeting(meetingId: $id) { joinCode } }', { id: createMeeting.id }, organizer);

    const guests = [];
    for (let i = 0; i < CLIENTS; i += 25) {
      const batch = Array.from({ length: Math.min(25, CLIENTS - i) }, (_, j) =>
        gql(url, 'mutation($i: JoinMeetingInput!) { joinMeeting(input: $i) { token } }', { i: { code: startMeeting.joinCode, displayName: `参加者 ${i + j + 1}`, sector: SECTORS[(i + j) % SECTORS.length] } }),
      );
      guests.push(...(await Promise.all(batch)).map((d) => d.joinMeeting.token));
    }
    for (let i = 0; i < CLIENTS; i += 50) {
      clients.push(...(await Promise.all(guests.slice(i, i + 50).map((token, j) => connectClient(nodes[(i + j) % NODES].url, token, proposalId)))));
    }
    await gql(url, 'mutation($i: OpenVotingInput!) { openVoting(input: $i) { id } }', { i: { proposalId, rule: 'MAJORITY' } }, organizer);
    await sleep(300);
    const vote = async (token, choice) => {
      await gql(url, 'mutation($i: CastVoteInput!) { castVote(input: $i) { id } }', { i: { proposalId, choice, clientRequestId: randomUUID() } }, token);
      return performance.now();
    };

    // steady: bursts of first votes; after burst b the tally total is exactly the votes sent so far.
    const bursts = Array.from({ length: Math.ceil(CLIENTS / BURST) }, (_, b) => Math.min(BURST, CLIENTS - b * BURST));
    const { latencies: steady, rate: steadyRate } = await runBursts(clients, bursts, (k) => vote(guests[k], 'AGREE'));
    const eventsSteady = clients[0].tallies.length;

    // storm: everyone changes AGREE → DISAGREE at once; the final tally has disagree = CLIENTS.
    await sleep(500);
    const acks = await Promise.all(guests.map((token) => vote(token, 'DISAGREE')));
    const reached = await allReached(clients, (t) => t.disagree === CLIENTS);
    const storm = acks.map((ack) => reached - ack);
    const spread = Math.max(...acks) - Math.min(...acks);
    const convergence = reached - Math.max(...acks);
    await sleep(500);
    const eventsStorm = clients[0].tallies.length - eventsSteady;
    // Delivery of the final tally: every client's last tally is the final one.
    const holdingFinal = clients.filter((c) => c.tallies.at(-1)?.tally.disagree === CLIENTS).length;
    const baseline = args.has('baseline') ? await measureBaseline(bursts) : undefined;

    const row = (name, votes, events, values) => {
      const s = [...values].sort((x, y) => x - y);
      const f = (v) => `${v.toFixed(1)} ms`.padStart(10);
      return `| ${name.padEnd(8)} | ${String(votes).padStart(5)} | ${String(events).padStart(22)} | ${f(percentile(s, 50))} | ${f(percentile(s, 99))} | ${f(s[s.length - 1])} |`;
    };
    console.log(`\nvote acknowledged → last of ${CLIENTS} clients (${NODES} node${NODES > 1 ? 's' : ''}) holds a vote.tally including it`);
    console.log('| scenario | votes | tally events per client |        p50 |        p99 |        max |');
    console.log('|----------|-------|-------------------------|------------|------------|------------|');
    console.log(row('steady', steady.length, eventsSteady, steady));
    console.log(row('storm', storm.length, eventsStorm, storm));
    console.log(`\nstorm: the ${CLIENTS} acknowledgements spread over ${spread.toFixed(0)} ms; after the last one, every client held the final tally within ${convergence.toFixed(1)} ms.`);
    console.log('(storm latencies are measured to the final tally, so early votes also wait for the last one: an upper bound.)');
    console.log(`steady: ${steadyRate.toFixed(0)} votes/s achieved${RATE ? ` (asked ${RATE})` : ''}; ${holdingFinal}/${CLIENTS} clients hold the final tally`);
    if (baseline) console.log(row('baseline', baseline.length, baseline.length, baseline).replace('baseline', 'bare io'));
    if (args.has('json') && args.get('json') !== 'true') {
      const stat = (values) => {
        const v = [...values].sort((x, y) => x - y);
        return { n: v.length, p50: percentile(v, 50), p99: percentile(v, 99), max: v[v.length - 1] };
      };
      const s = stat(steady);
      const base = baseline ? stat(baseline) : undefined;
      writeFileSync(
        args.get('json'),
        JSON.stringify(
          {
            name: 'fanout',
            nodes: NODES,
            clients: CLIENTS,
            steady: { ...s, rate: steadyRate, eventsPerClient: eventsSteady },
            storm: { ...stat(storm), spreadMs: spread, convergenceMs: convergence, eventsPerClient: eventsStorm },
            baseline: base,
            finalDelivery: holdingFinal / CLIENTS,
            coalescingWindowMs: TALLY_WINDOW_MS,
          },
          null,
          2,
        ),
      );
    }
  } finally {
    for (const c of clients) c.socket.close();
    for (const n of nodes) {
      n.child.kill('SIGTERM');
      await new Promise((r) => (n.child.exitCode !== null ? r() : n.child.once('exit', r)));
      rmSync(n.dataDir, { recursive: true, force: true });
    }
    if (!args.has('keep-db')) await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    if (prefix) {
      const redis = new Redis(REDIS_URL);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
