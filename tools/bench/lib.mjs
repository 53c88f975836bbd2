// Shared helpers of the benchmarks (tools/bench/*.mjs). Everything talks to 127.0.0.1 only.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import http from 'node:http';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const require = createRequire(join(root, 'package.json'));
export const MAIN = join(root, 'dist/apps/api/apps/api/src/main.js');
export const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-0123';
export const SECTORS = ['INDUSTRY', 'GOVERNMENT', 'ACADEMIA', 'FINANCE', 'LABOUR', 'MEDIA', 'CITIZEN'];

/** `--name=value` / `--name value` / `--flag` → Map. */
export function parseArgs(argv = process.argv.slice(2)) {
  const out = new Map();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) continue;
    const [k, v] = a.slice(2).split('=');
    if (v !== undefined) out.set(k, v);
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) out.set(k, argv[++i]);
    else out.set(k, 'true');
  }
  return out;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Builds the API as `npm start` does (Nx caches an unchanged build) unless --no-build and a build exists. */
export function build(args) {
  if (args.has('no-build') && existsSync(MAIN)) return;
  console.log('building the API (nx run api:build) …');
  const r = spawnSync('npx', ['nx', 'run', 'api:build', '--output-style=static'], { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * A session token for an account seeded with SQL: tokens name a server-side session (SessionStore),
 * so open one as signing in would, and sign a token naming it.
 */
export async function sessionToken(client, participantId, secret = JWT_SECRET) {
  const sessionId = (await client.query(`INSERT INTO session (participant_id, kind, scope_process_id, expires_at) VALUES ($1, 'ACCOUNT', NULL, now() + interval '1 hour') RETURNING id`, [participantId])).rows[0].id;
  return require('jsonwebtoken').sign({ sub: participantId, knd: 'A', sid: sessionId }, secret, { algorithm: 'HS256', expiresIn: 3600, issuer: 'yoriai' });
}

export async function withClient(url, fn) {
  const { Client } = require('pg');
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A scratch database on the real PostgreSQL, dropped by `drop()`. */
export async function scratchDatabase(prefix) {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await withClient(ADMIN_URL, (c) => c.query(`CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`));
  const url = Object.assign(new URL(ADMIN_URL), { pathname: `/${name}` }).toString();
  return { name, url, drop: () => withClient(ADMIN_URL, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)) };
}

/** Migrates a database with the built server's own migrations. */
export async function migrate(url) {
  const { pathToFileURL } = await import('node:url');
  const { runMigrations } = await import(pathToFileURL(join(root, 'dist/apps/api/apps/api/src/database/data-source.js')).href);
  await runMigrations(url);
}

/** The built production server as a child process (NODE_ENV=production), healthy and listening on loopback. */
export async function startNode(databaseUrl, { redisPrefix, logLevel = 'warn' } = {}) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'yoriai-bench-'));
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    JWT_SECRET,
    DATA_DIR: dataDir,
    LOG_LEVEL: logLevel,
    ...(redisPrefix ? { REDIS_URL, REDIS_PREFIX: redisPrefix } : { REDIS_URL: '' }),
  };
  const child = spawn(process.execPath, [...(process.env.YORIAI_BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean), MAIN], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok).catch(() => false);
    if (ok) {
      return {
        url,
        child,
        pid: child.pid,
        async stop() {
          if (child.exitCode === null) {
            child.kill('SIGTERM');
            await new Promise((r) => child.once('exit', r));
          }
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
    }
    await sleep(100);
  }
  throw new Error('the server did not become healthy within 60 s');
}

/** Resident memory of a process in bytes (Linux /proc). */
export function rssOf(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

/** CPU time (user + system) of a process in ms (Linux /proc). */
export function cpuMsOf(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

const CLOCK_TICKS_PER_SECOND = 100;

/** CPU time (ms) of each running process whose command is `postgres` (the server and its backends), by pid. */
function postgresCpuMs() {
  const byPid = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const f = stat.split(') ')[1].split(' ');
      byPid.set(entry, ((Number(f[11]) + Number(f[12])) * 1000) / CLOCK_TICKS_PER_SECOND);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return byPid;
}

/**
 * PostgreSQL's CPU between two readings: what each backend alive at the end used since the first
 * (all of it for one that started meanwhile). A backend that ended meanwhile is not counted (its
 * time left with it), so this is a lower bound — never the negative a difference of sums gives.
 */
function postgresCpuSince(before) {
  let ms = 0;
  for (const [pid, now] of postgresCpuMs()) ms += now - Math.min(now, before.get(pid) ?? 0);
  return ms;
}

/** Busy CPU time of the whole machine in ms (all cores; /proc/stat without idle and iowait). */
function machineBusyMs() {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
  return ((total - f[3] - f[4]) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/**
 * Where the machine's CPU goes over a phase: `const done = cpuSplit({ server: [pids], generator: [pids] })`,
 * then `done()` answers each group's share and PostgreSQL's in percent of ONE core, the machine's
 * busy time and its capacity (cores × 100 %). A phase whose machine figure is near capacity measured
 * the machine, not the server alone.
 */
export function cpuSplit(groups) {
  const sum = (pids) => pids.reduce((s, p) => s + cpuMsOf(p), 0);
  const t0 = performance.now();
  const m0 = machineBusyMs();
  const pg0 = postgresCpuMs();
  const g0 = Object.fromEntries(Object.entries(groups).map(([k, pids]) => [k, sum(pids)]));
  return () => {
    const wall = performance.now() - t0;
    const pct = (ms) => (ms / wall) * 100;
    const out = Object.fromEntries(Object.entries(groups).map(([k, pids]) => [k, pct(sum(pids) - g0[k])]));
    out.postgres = pct(postgresCpuSince(pg0));
    out.machine = pct(machineBusyMs() - m0);
    out.capacity = availableParallelism() * 100;
    return out;
  };
}

/** A keep-alive HTTP agent: the load generator reuses connections like browsers do. */
export function agent(maxSockets = 64) {
  return new http.Agent({ keepAlive: true, maxSockets });
}

/** POST JSON with node:http (much cheaper per request than fetch, so the load process stays light). */
export function postJson(url, body, { headers = {}, agent: a } = {}) {
  const data = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: u.hostname, port: u.port, path: u.pathname + u.search, method: 'POST', agent: a, headers: { 'content-type': 'application/json', 'content-length': data.length, ...headers } },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
          } catch (e) {
            reject(e);
          }
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

export async function gql(url, query, variables, token, a) {
  const res = await postJson(`${url}/graphql`, { query, variables }, { headers: token ? { authorization: `Bearer ${token}` } : {}, agent: a });
  if (res.body.errors?.length) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(res.body.errors).slice(0, 500)}`);
  return res.body.data;
}

export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function summary(values) {
  const s = [...values].sort((x, y) => x - y);
  return { n: s.length, p50: percentile(s, 50), p99: percentile(s, 99), max: s[s.length - 1] ?? NaN };
}

export const median = (values) => {
  const s = values.filter((v) => typeof v === 'number' && !Number.isNaN(v)).sort((x, y) => x - y);
  if (!s.length) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Writes this benchmark's result for run.mjs (`--json=<file>`), or prints it. */
export function report(args, result) {
  const file = args.get('json');
  if (file && file !== 'true') writeFileSync(file, JSON.stringify(result, null, 2));
  else console.log(JSON.stringify(result, null, 2));
}

/** An organiser with a process, as the web app would create it. */
export async function newOrganizer(url, a) {
  const email = `bench-${randomBytes(6).toString('hex')}@example.test`;
  const { signUp } = await gql(url, 'mutation($i: SignUpInput!) { signUp(input: $i) { token participant { id } } }', { i: { email, password: 'bench password 123', displayName: 'ベンチ 主催者' } }, undefined, a);
  const { createProcess } = await gql(url, 'mutation($i: CreateProcessInput!) { createProcess(input: $i) { id pillars { id } } }', { i: { title: 'ベンチマーク協議会' } }, signUp.token, a);
  return { token: signUp.token, id: signUp.participant.id, processId: createProcess.id, pillarIds: createProcess.pillars.map((p) => p.id) };
}

/** A live meeting of the process and `n` guests joined with its code (25 at a time), as a hall arriving. */
export async function joinGuests(url, org, n, a) {
  const { createMeeting } = await gql(url, 'mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }', { i: { processId: org.processId, title: 'ベンチ会議' } }, org.token, a);
  const { startMeeting } = await gql(url, 'mutation($id: ID!) { startMeeting(meetingId: $id) { joinCode } }', { id: createMeeting.id }, org.token, a);
  const guests = [];
  for (let i = 0; i < n; i += 25) {
    const batch = Array.from({ length: Math.min(25, n - i) }, (_, j) =>
      gql(url, 'mutation($i: JoinMeetingInput!) { joinMeeting(input: $i) { token participant { id } } }', { i: { code: startMeeting.joinCode, displayName: `参加者 ${i + j + 1}`, sector: SECTORS[(i + j) % SECTORS.length] } }, undefined, a),
    );
    guests.push(...(await Promise.all(batch)).map((d) => ({ token: d.joinMeeting.token, id: d.joinMeeting.participant.id })));
  }
  return { meetingId: createMeeting.id, guests };
}

export async function newProposal(url, org, title, a) {
  const { createProposal } = await gql(url, 'mutation($i: CreateProposalInput!) { createProposal(input: $i) { id } }', { i: { processId: org.processId, pillarId: org.pillarIds[0], title, body: '## 概要\n\n本文' } }, org.token, a);
  return createProposal.id;
}

/** Runs `fn` as a child benchmark's main, exiting non-zero on failure. */
export function main(fn) {
  fn().then(
    () => process.exit(0),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}

/** One of tools/bench/baseline-servers.mjs as a child process, listening on loopback. */
export function startBaseline(kind, databaseUrl) {
  const child = spawn(process.execPath, [join(root, 'tools/bench/baseline-servers.mjs'), kind, ...(databaseUrl ? [databaseUrl] : [])], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`baseline ${kind} did not start`)), 20_000);
    child.once('exit', (code) => reject(new Error(`baseline ${kind} exited with ${code}`)));
    child.stdout.on('data', (d) => {
      const m = /READY (\d+)/.exec(d.toString());
      if (!m) return;
      clearTimeout(timer);
      resolve({
        url: `http://127.0.0.1:${m[1]}`,
        pid: child.pid,
        async stop() {
          if (child.exitCode !== null || child.signalCode !== null) return; // exited, or killed by a signal (then exitCode stays null)
          child.kill('SIGTERM');
          await new Promise((r) => child.once('exit', r));
        },
      });
    });
  });
}

/**
 * Closed-loop load: `concurrency` workers each send one request after the other for `durationMs`
 * (after `warmupMs` not counted). Returns completed requests per second, errors and latencies.
 */
export async function loadFor({ durationMs, warmupMs = 1000, concurrency }, request) {
  const start = performance.now();
  const measureFrom = start + warmupMs;
  const end = measureFrom + durationMs;
  let ok = 0;
  let errors = 0;
  let firstError;
  const latencies = [];
  await Promise.all(
    Array.from({ length: concurrency }, async (_, w) => {
      for (let i = 0; performance.now() < end; i++) {
        const t0 = performance.now();
        let good = false;
        try {
          good = await request(w, i);
        } catch (e) {
          firstError ??= e;
        }
        const t1 = performance.now();
        if (t0 < measureFrom) continue;
        if (good) {
          ok++;
          latencies.push(t1 - t0);
        } else errors++;
      }
    }),
  );
  if (firstError) console.error(`first error: ${firstError.message ?? firstError}`);
  return { perSecond: ok / (durationMs / 1000), ok, errors, latency: summary(latencies) };
}

/** A socket.io client of /live (or of the bare baseline when `namespace` is '') following one room; keeps every tally with its receive time. */
export function connectLive(url, { token, room, namespace = '/live' }) {
  const { io } = require('socket.io-client');
  return new Promise((resolve, reject) => {
    const socket = io(`${url}${namespace}`, { path: '/socket.io', transports: ['websocket'], forceNew: true, reconnection: false, ...(token ? { auth: { token } } : {}) });
    const client = { socket, tallies: [] };
    socket.on('vote.tally', (e) => client.tallies.push({ at: performance.now(), tally: e.tally }));
    socket.once('connect_error', reject);
    socket.once('connect', () => socket.timeout(15_000).emit('subscribe', { room }, (err, ack) => (err || !ack?.ok ? reject(err ?? new Error(JSON.stringify(ack))) : resolve(client))));
  });
}

/** When every client holds a tally satisfying `done`: the latest of their first such receive times. */
export async function allReached(clients, done, timeoutMs = 30_000) {
  const start = performance.now();
  for (;;) {
    const times = clients.map((c) => c.tallies.find((t) => done(t.tally))?.at);
    if (times.every((t) => t !== undefined)) return Math.max(...times);
    if (performance.now() - start > timeoutMs) throw new Error(`${times.filter((t) => t === undefined).length} of ${clients.length} clients never received the tally`);
    await sleep(2);
  }
}
