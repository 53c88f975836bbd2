#!/usr/bin/env node
// Benchmark: a hall voting at once, measured OPEN LOOP. Every guest is joined by code and holds a
// socket.io client following the proposal (their screen); each guest votes ONCE at an arrival time
// drawn in advance (uniformly over the window, seeded), whatever happened to the earlier votes — not a
// closed loop of N workers, which would slow down with the server and hide its queue. Figures:
//   ack      — scheduled arrival → castVote answered (p50/p99; target p99 ≤ 250 ms)
//   screen   — vote acknowledged → EVERY client holds a vote.tally including it (p50/p99; target p99 ≤
//              100 ms coalescing window + 2 × the bare socket.io all-clients p99 of the same run)
// at each step of the clients ladder on one node (default 2,000 then 5,000 guests, each voting within
// 5 s: 400 and 1,000 votes/s offered), then the vote RATE stepped up at the largest step until it breaks,
// then 10,000 guests on two nodes sharing Redis (2,000 votes/s offered). Beside each step, in the same
// run with the same client processes: the bare socket.io server of baseline-servers.mjs holding the
// same clients (a broadcast every 100 ms, the product's coalesced rate: its ack → all-clients p99 and
// its memory per connection) and the bare node:http + pg upsert server taking the same vote schedule
// (the ack baseline).
//
// "Includes the vote": votes are first votes, so a tally's total counts the committed votes. A tally
// read before vote v committed counts at most the other votes sent before v's acknowledgement, so a
// tally whose total reaches S(v) — the successful votes sent before v was acknowledged — surely
// includes v. The first such tally is an upper bound of the first tally with v (exact when nothing
// else is in flight); the baseline is measured the same way.
//
// The load generator is split over --workers child processes (tools/bench/burst-worker.mjs), each
// holding a share of the sockets and sending its share of the votes; each reports its event-loop lag
// and CPU over the sending phase. A figure is marked a FLOOR when a generator process saturated (lag
// p99 > 50 ms or CPU > 90 % of a core): the server may do better than measured.
//
//   node tools/bench/burst.mjs [--clients=2000,5000] [--seconds=5] [--rates=200,400,700,1000,1500,2000,3000]
//        [--two-node=10000] [--workers=4] [--broadcasts=60] [--no-build] [--json=<file>]
//   --two-node=0 skips the two-node step; --rates= (empty) skips the rate ladder.
import { fork } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  agent,
  build,
  cpuMsOf,
  cpuSplit,
  gql,
  joinGuests,
  main,
  newOrganizer,
  newProposal,
  parseArgs,
  report,
  require,
  root,
  rssOf,
  SECTORS,
  scratchDatabase,
  sleep,
  startBaseline,
  startNode,
  summary,
  withClient,
} from './lib.mjs';

const args = parseArgs();
const CLIENT_STEPS = (args.get('clients') ?? '2000,5000').split(',').map(Number);
const SECONDS = Number(args.get('seconds') ?? 5);
const RATES = (args.get('rates') ?? '200,400,700,1000,1500,2000,3000').split(',').filter(Boolean).map(Number);
const TWO_NODE = Number(args.get('two-node') ?? 10000);
const WORKERS = Number(args.get('workers') ?? 4);
const BROADCASTS = Number(args.get('broadcasts') ?? 60);
const TALLY_WINDOW_MS = 100; // apps/api/src/realtime/live-timing.ts (tallyWindowMs)
const ACK_P99_LIMIT_MS = 250;
const LAG_LIMIT_MS = 50;
const CPU_LIMIT_PERCENT = 90;
const CAST = 'mutation($i: CastVoteInput!) { castVote(input: $i) { id } }';
const CHOICES = ['AGREE', 'DISAGREE', 'ABSTAIN'];
const now = () => performance.timeOrigin + performance.now();

/** The domain's seeded PRNG (libs/domain kmeans: mulberry32), loaded from the build: every run offers the same arrival pattern. */
let rng;

/** The generator processes; client (guest) k lives in worker k % WORKERS. */
function startWorkers() {
  return Array.from({ length: WORKERS }, () => {
    const child = fork(join(root, 'tools/bench/burst-worker.mjs'), [], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    const waiting = new Map();
    let seq = 0;
    child.on('message', (m) => {
      const w = waiting.get(m.id);
      waiting.delete(m.id);
      if (m.error) w?.reject(new Error(m.error));
      else w?.resolve(m.result);
    });
    child.on('exit', (code) => {
      for (const w of waiting.values()) w.reject(new Error(`generator process exited with ${code}`));
      waiting.clear();
    });
    return {
      pid: child.pid,
      call: (cmd, msg = {}) =>
        new Promise((resolve, reject) => {
          const id = ++seq;
          waiting.set(id, { resolve, reject });
          child.send({ id, cmd, ...msg });
        }),
      stop: () => new Promise((r) => (child.exitCode !== null ? r() : (child.once('exit', r), child.disconnect()))),
    };
  });
}

const all = (workers, fn) => Promise.all(workers.map((w, i) => fn(w, i)));

/** Connects clients [from, to) in their workers: client k to urls[k % urls.length] following `room(k)`. */
async function connectRange(workers, group, from, to, urls, namespace, item) {
  const t0 = now();
  await all(workers, (w, wi) => {
    const items = [];
    const ks = [];
    for (let k = from; k < to; k++) if (k % workers.length === wi) ks.push(k);
    for (const k of ks) items.push(item(k));
    // Grouped by URL so each client goes to its node.
    const byUrl = new Map();
    ks.forEach((k, j) => byUrl.set(urls[k % urls.length], [...(byUrl.get(urls[k % urls.length]) ?? []), items[j]]));
    return [...byUrl].reduce((p, [url, list]) => p.then(() => w.call('connect', { group, url, namespace, items: list })), Promise.resolve());
  });
  return now() - t0;
}

/**
 * Sends the schedule (each entry carries the worker that sends it), waits for every screen of `group`
 * to hold the final tally, and returns the latencies and the generator's health.
 */
async function runSchedule(workers, group, schedule, { screens = true, servers = [] } = {}) {
  const shares = workers.map(() => []);
  for (const v of schedule)
    shares[v.worker].push({
      at: v.at,
      urls: v.urls,
      body: v.body,
      headers: v.headers ?? {},
    });
  // The machine's CPU over the sending phase: first arrival → last answer.
  let cpuDone;
  const cpuStart = setTimeout(
    () => (cpuDone = cpuSplit({ server: servers, generator: workers.map((w) => w.pid) })),
    Math.max(0, Math.min(...schedule.map((v) => v.at)) - now()),
  );
  const sent = await all(workers, (w, i) => w.call('votes', { schedule: shares[i] }));
  clearTimeout(cpuStart);
  const cpu = cpuDone?.();
  const votes = sent.flatMap((r) =>
    r.at.map((at, j) => ({
      at,
      sent: r.sent[j],
      acked: r.acked[j],
      ok: r.ok[j] === 1,
    })),
  );
  const good = votes.filter((v) => v.ok);
  const errors = votes.length - good.length;
  const firstError = sent.find((r) => r.firstError)?.firstError;
  if (firstError) console.error(`    first error: ${firstError}`);
  const generator = {
    lagP99Ms: Math.max(...sent.map((r) => r.generator.lagP99Ms)),
    lagMaxMs: Math.max(...sent.map((r) => r.generator.lagMaxMs)),
    cpuPercent: Math.max(...sent.map((r) => r.generator.cpuPercent)),
    sendLagP99Ms: summary(votes.map((v) => v.sent - v.at)).p99,
  };
  generator.saturated = generator.lagP99Ms > LAG_LIMIT_MS || generator.cpuPercent > CPU_LIMIT_PERCENT;
  const ack = summary(good.map((v) => v.acked - v.at));
  const first = Math.min(...votes.map((v) => v.at));
  const last = Math.max(...votes.map((v) => v.at));
  const offered = votes.length / Math.max(0.001, (last - first) / 1000);
  if (!screens) return { votes: votes.length, errors, ack, generator, offered, cpu };

  const reaches = await all(workers, (w) => w.call('reach', { group, final: good.length, timeoutMs: 60_000 }));
  const missing = reaches.reduce((s, r) => s + r.missing, 0);
  const sentOk = good.map((v) => v.sent).sort((x, y) => x - y);
  const upTo = (t) => {
    let lo = 0;
    let hi = sentOk.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sentOk[mid] < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  /** When the last client of every worker first held a tally with total ≥ s. */
  const reachAt = (s) => {
    let t = -Infinity;
    for (const r of reaches) {
      if (!r.clients) continue;
      const i = r.totals.findIndex((x) => x >= s);
      const at = i < 0 ? null : r.times[i];
      t = Math.max(t, at ?? Infinity);
    }
    return t;
  };
  const screen = good.map((v) => reachAt(upTo(v.acked)) - v.acked);
  const unseen = screen.filter((x) => !Number.isFinite(x)).length;
  return {
    votes: votes.length,
    errors,
    missing,
    unseen,
    ack,
    screen: summary(screen.filter(Number.isFinite)),
    generator,
    offered,
    cpu,
  };
}

/** `n` votes of guests [0, n) at arrival times drawn uniformly over `windowMs`, each sent by its guest's worker. */
function voteSchedule(n, windowMs, seed, entry) {
  const r = rng(seed);
  const start = now() + 1500;
  const times = Array.from({ length: n }, () => start + r() * windowMs).sort((x, y) => x - y);
  // Which guest arrives when: a seeded shuffle, so arrivals are not in worker order.
  const order = Array.from({ length: n }, (_, k) => k);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return times.map((at, j) => ({
    at,
    worker: order[j] % WORKERS,
    ...entry(order[j], j),
  }));
}

/**
 * Waits (at most 60 s) until every server process used under 20 % of a core over a second: a step
 * must not start inside the previous one's backlog (requests the generator gave up on still run).
 */
async function settle(pids) {
  for (let i = 0; i < 60; i++) {
    const before = pids.map((p) => cpuMsOf(p));
    await sleep(1000);
    if (Math.max(...pids.map((p, j) => cpuMsOf(p) - before[j])) < 200) return;
  }
  console.log('  (the servers stayed busy for 60 s; starting anyway)');
}

/**
 * "183 % of 200 % (server 96 %, PostgreSQL 41 %, generator 38 %, other processes 8 %)": where the cores
 * went while the votes were sent. "Other processes" (kernel work on behalf of everyone included) taking
 * much means the figure measured a busy machine.
 */
const cpuLine = (c) => {
  const others = c.machine - c.server - c.postgres - c.generator;
  return `${c.machine.toFixed(0)} % of ${c.capacity} % (server ${c.server.toFixed(0)} %, PostgreSQL ${c.postgres.toFixed(0)} %, generator ${c.generator.toFixed(0)} %, other processes ${Math.max(0, others).toFixed(0)} %)`;
};

const ms = (v) => (Number.isFinite(v) ? `${v.toFixed(0)} ms` : '—');

main(async () => {
  build(args);
  ({ seededRandom: rng } = await import(pathToFileURL(join(root, 'dist/apps/api/libs/domain/src/analytics/kmeans.js')).href));
  const db = await scratchDatabase('yoriai_bench_burst');
  const a = agent(64);
  const workers = startWorkers();
  let nodes = [];
  const bares = [];
  const prefix = `yoriai-bench-${randomBytes(4).toString('hex')}`;
  const steps = [];
  const ladder = [];
  const startedAt = Date.now();
  try {
    nodes = [await startNode(db.url)];
    const org = await newOrganizer(nodes[0].url, a);
    await withClient(db.url, async (c) => {
      await c.query('CREATE TABLE bench_vote (LIKE vote INCLUDING ALL)');
      await c.query('CREATE SEQUENCE bench_vote_event');
    });
    let guests = [];
    let proposalCount = 0;
    let room;

    /** A new proposal with an open round that every connected guest's screen follows. */
    const freshProposal = async () => {
      const id = await newProposal(nodes[0].url, org, `一斉投票ベンチ ${++proposalCount}`, a);
      await gql(nodes[0].url, 'mutation($i: OpenVotingInput!) { openVoting(input: $i) { id } }', { i: { proposalId: id, rule: 'MAJORITY' } }, org.token, a);
      const [round] = await withClient(db.url, async (c) => (await c.query('SELECT id FROM voting_round WHERE proposal_id = $1', [id])).rows);
      const to = `proposal:${id}`;
      await all(workers, (w) => w.call('follow', { group: 'yoriai', from: room, to }));
      room = to;
      await sleep(500);
      return { id, roundId: round.id };
    };

    /** Every guest of [0, n) votes once within windowMs on a fresh proposal; screens are all connected clients. */
    const yoriaiBurst = async (n, windowMs, seed) => {
      await settle(nodes.map((nd) => nd.pid));
      const p = await freshProposal();
      const schedule = voteSchedule(n, windowMs, seed, (k) => ({
        urls: [`${nodes[k % nodes.length].url}/graphql`],
        body: JSON.stringify({
          query: CAST,
          variables: {
            i: {
              proposalId: p.id,
              choice: CHOICES[k % 3],
              clientRequestId: randomUUID(),
            },
          },
        }),
        headers: { authorization: `Bearer ${guests[k].token}` },
      }));
      return {
        proposal: p,
        ...(await runSchedule(workers, 'yoriai', schedule, { servers: nodes.map((nd) => nd.pid) })),
      };
    };

    /** Baselines of one step: the bare upsert server taking the same schedule, the bare socket.io server holding the same clients. */
    const baselines = async (n, windowMs, seed, roundId) => {
      await settle(nodes.map((nd) => nd.pid));
      // One bare upsert process whatever the nodes: its pool of 20 beside the nodes' pools stays well
      // within PostgreSQL's connections on a shared machine.
      const voteServers = [await startBaseline('vote', db.url)];
      bares.push(...voteServers);
      const upsert = await runSchedule(
        workers,
        null,
        voteSchedule(n, windowMs, seed, (k) => ({
          urls: [`${voteServers[k % voteServers.length].url}/vote`],
          body: JSON.stringify({
            roundId,
            participantId: guests[k].id,
            sector: SECTORS[k % SECTORS.length],
            choice: CHOICES[k % 3],
          }),
        })),
        { screens: false, servers: voteServers.map((v) => v.pid) },
      );
      for (const s of voteServers) await s.stop();
      const sockets = await all(nodes, () => startBaseline('socket'));
      bares.push(...sockets);
      await sleep(1000);
      const idle = sockets.map((s) => rssOf(s.pid));
      await connectRange(
        workers,
        'bare',
        0,
        n,
        sockets.map((s) => s.url),
        '',
        () => ({ room: 'r' }),
      );
      await sleep(2000);
      const bytesPerConnection = sockets.reduce((sum, s, i) => sum + rssOf(s.pid) - idle[i], 0) / n;
      // One broadcast every 100 ms (the product's coalesced rate), each POSTed to every bare server at once.
      const start = now() + 1000;
      const broadcast = await runSchedule(
        workers,
        'bare',
        Array.from({ length: BROADCASTS }, (_, j) => ({
          at: start + j * TALLY_WINDOW_MS,
          worker: j % WORKERS,
          urls: sockets.map((s) => `${s.url}/vote`),
          body: '{}',
        })),
        { servers: sockets.map((s) => s.pid) },
      );
      await all(workers, (w) => w.call('close', { group: 'bare' }));
      for (const s of sockets) await s.stop();
      return { upsert, broadcast, bytesPerConnection };
    };

    const judgeStep = (r, bareScreenP99) => r.errors === 0 && r.missing === 0 && r.unseen === 0 && r.ack.p99 <= ACK_P99_LIMIT_MS && r.screen.p99 <= TALLY_WINDOW_MS + 2 * bareScreenP99;
    const line = (label, r) =>
      `  ${label}: offered ${r.offered.toFixed(0)} votes/s, ${r.votes} votes (${r.errors} errors); ack p50 ${ms(r.ack.p50)} p99 ${ms(r.ack.p99)}` +
      (r.screen ? `; on every screen p50 ${ms(r.screen.p50)} p99 ${ms(r.screen.p99)}${r.missing ? `, ${r.missing} screens never got the final tally` : ''}` : '') +
      `; generator lag p99 ${r.generator.lagP99Ms.toFixed(0)} ms, CPU ${r.generator.cpuPercent.toFixed(0)} %${r.generator.saturated ? ' (SATURATED: floor)' : ''}` +
      (r.cpu ? `; machine CPU ${cpuLine(r.cpu)}` : '');

    /** One step of the clients-per-node curve: n guests on screen, each voting once within SECONDS. */
    const step = async (n, label) => {
      const totalRss = () => nodes.reduce((s, nd) => s + rssOf(nd.pid), 0);
      const t0 = Date.now();
      if (!room) await freshProposal();
      const connectMs = await connectRange(
        workers,
        'yoriai',
        stepConnected,
        n,
        nodes.map((nd) => nd.url),
        '/live',
        (k) => ({ token: guests[k].token, room: room ?? 'none' }),
      );
      stepConnected = n;
      await sleep(3000);
      const rss = totalRss();
      const y = await yoriaiBurst(n, SECONDS * 1000, n);
      console.log(line(`${label} Yoriai`, y));
      const b = await baselines(n, SECONDS * 1000, n, y.proposal.roundId);
      console.log(line(`${label} bare upsert server`, b.upsert));
      console.log(line(`${label} bare socket.io, a broadcast every ${TALLY_WINDOW_MS} ms`, b.broadcast));
      const s = {
        clients: n,
        nodes: nodes.length,
        offered: y.offered,
        votes: y.votes,
        errors: y.errors,
        missing: y.missing,
        ack: y.ack,
        screen: y.screen,
        generator: y.generator,
        cpu: y.cpu,
        bareUpsert: {
          ack: b.upsert.ack,
          errors: b.upsert.errors,
          generator: b.upsert.generator,
          cpu: b.upsert.cpu,
        },
        bareBroadcast: {
          screen: b.broadcast.screen,
          generator: b.broadcast.generator,
        },
        rssMb: rss / 1048576,
        bytesPerConnection: (rss - idleRss) / n,
        bareBytesPerConnection: b.bytesPerConnection,
        screenLimit: TALLY_WINDOW_MS + 2 * b.broadcast.screen.p99,
        connectSeconds: connectMs / 1000,
        seconds: (Date.now() - t0) / 1000,
      };
      s.ok = judgeStep(y, b.broadcast.screen.p99);
      s.floor = y.generator.saturated || b.broadcast.generator.saturated;
      console.log(
        `  ${label}: ${s.ok ? 'held' : 'missed a target'}; ${(s.bytesPerConnection / 1024).toFixed(1)} KiB per connection (bare ${(s.bareBytesPerConnection / 1024).toFixed(1)} KiB); ${s.seconds.toFixed(0)} s`,
      );
      steps.push(s);
      return s;
    };

    // --- One node: the clients ladder, then the rate ladder at its largest step.
    let stepConnected = 0;
    const maxOne = Math.max(...CLIENT_STEPS);
    console.log(`burst: joining ${maxOne} guests …`);
    guests = (await joinGuests(nodes[0].url, org, maxOne, a)).guests;
    await sleep(5000);
    let idleRss = rssOf(nodes[0].pid);
    for (const n of CLIENT_STEPS) await step(n, `${n} guests, 1 node`);

    const top = steps.at(-1);
    for (const rate of RATES) {
      const votes = Math.min(top.clients, Math.round(rate * SECONDS));
      const windowMs = (votes / rate) * 1000;
      let r;
      let tries = 0;
      do {
        r = await yoriaiBurst(votes, windowMs, rate * 7 + tries);
        r.ok = judgeStep(r, top.bareBroadcast.screen.p99);
        console.log(line(`rate ${rate}/s at ${top.clients} screens${tries ? ' (again)' : ''}`, r));
      } while (!r.ok && ++tries < 2);
      ladder.push({
        rate,
        offered: r.offered,
        votes,
        windowMs,
        clients: top.clients,
        errors: r.errors,
        missing: r.missing,
        ack: r.ack,
        screen: r.screen,
        generator: r.generator,
        cpu: r.cpu,
        ok: r.ok,
        floor: r.generator.saturated,
        tries: tries + (r.ok ? 1 : 0),
      });
      if (!r.ok) break;
    }

    // --- Two nodes sharing Redis.
    if (TWO_NODE > 0) {
      await all(workers, (w) => w.call('close', { group: 'yoriai' }));
      for (const nd of nodes) await nd.stop();
      nodes = [];
      room = undefined;
      nodes.push(await startNode(db.url, { redisPrefix: prefix }));
      nodes.push(await startNode(db.url, { redisPrefix: prefix }));
      if (guests.length < TWO_NODE) {
        console.log(`burst: joining ${TWO_NODE - guests.length} more guests …`);
        guests = guests.concat((await joinGuests(nodes[0].url, org, TWO_NODE - guests.length, a)).guests);
      }
      await sleep(5000);
      idleRss = nodes.reduce((s, nd) => s + rssOf(nd.pid), 0);
      stepConnected = 0;
      await step(TWO_NODE, `${TWO_NODE} guests, 2 nodes + Redis`);
    }

    const figures = [];
    for (const s of steps) {
      const key = `burst-${s.clients}${s.nodes > 1 ? `x${s.nodes}` : ''}`;
      const who = `${s.clients.toLocaleString('en-US')} guests, ${s.nodes} node${s.nodes > 1 ? 's + Redis' : ''}, each voting once within ${SECONDS} s (${s.offered.toFixed(0)} votes/s offered)`;
      const common = { floor: s.floor, details: { ...s } };
      figures.push(
        {
          id: `${key}-ack-p50`,
          figure: `Open-loop burst ack p50 (${who})`,
          unit: 'ms',
          value: s.ack.p50,
          baseline: s.bareUpsert.ack.p50,
          baselineLabel: 'bare node:http + pg upsert, same schedule',
          ratio: s.ack.p50 / s.bareUpsert.ack.p50,
          target: 'reported',
          met: null,
          ...common,
        },
        {
          id: `${key}-ack-p99`,
          figure: `Open-loop burst ack p99 (${who})`,
          unit: 'ms',
          value: s.ack.p99,
          baseline: s.bareUpsert.ack.p99,
          baselineLabel: 'bare node:http + pg upsert, same schedule',
          ratio: s.ack.p99 / s.bareUpsert.ack.p99,
          target: `≤ ${ACK_P99_LIMIT_MS} ms`,
          met: s.ack.p99 <= ACK_P99_LIMIT_MS && s.errors === 0,
          ...common,
        },
        {
          id: `${key}-screen-p99`,
          figure: `Open-loop burst: vote acknowledged → on every screen, p99 (${who})`,
          unit: 'ms',
          value: s.screen.p99,
          baseline: s.bareBroadcast.screen.p99,
          baselineLabel: `bare socket.io, same ${s.clients.toLocaleString('en-US')} clients, a broadcast every ${TALLY_WINDOW_MS} ms: all-clients p99`,
          ratio: s.screen.p99 / s.bareBroadcast.screen.p99,
          target: `≤ ${TALLY_WINDOW_MS} ms window + 2 × baseline p99`,
          met: s.screen.p99 <= s.screenLimit && s.missing === 0,
          ...common,
        },
        {
          id: `${key}-memory`,
          figure: `Memory per connection at ${s.clients.toLocaleString('en-US')} guests (${s.nodes} node${s.nodes > 1 ? 's' : ''}: server RSS growth / clients)`,
          unit: 'KiB',
          value: s.bytesPerConnection / 1024,
          baseline: s.bareBytesPerConnection / 1024,
          baselineLabel: 'bare socket.io server, same clients',
          ratio: s.bytesPerConnection / s.bareBytesPerConnection,
          target: 'reported',
          met: null,
          details: { rssMb: s.rssMb, idleRssMb: idleRss / 1048576 },
        },
      );
    }
    if (ladder.length) {
      const held = ladder.filter((l) => l.ok).at(-1);
      const broke = ladder.find((l) => !l.ok);
      figures.push({
        id: 'burst-rate-held',
        figure: `Open-loop vote rate held at ${top.clients.toLocaleString('en-US')} screens on one node (ack p99 ≤ ${ACK_P99_LIMIT_MS} ms, screens within target, no errors)`,
        unit: 'votes/s',
        value: held?.rate ?? 0,
        baseline: null,
        baselineLabel: `rates ${RATES.join(', ')}; ${broke ? `broke at ${broke.rate}/s` : 'did not break within the steps'}`,
        ratio: null,
        target: 'reported (step up until it breaks)',
        met: null,
        floor: ladder.some((l) => l.floor),
        details: {
          ladder,
          brokeAt: broke?.rate ?? null,
          screenLimit: TALLY_WINDOW_MS + 2 * top.bareBroadcast.screen.p99,
        },
      });
    }
    console.log(`burst: done in ${((Date.now() - startedAt) / 60000).toFixed(1)} min`);
    report(args, {
      name: 'burst',
      seconds: SECONDS,
      workers: WORKERS,
      steps,
      ladder,
      figures,
    });
  } finally {
    await all(workers, (w) => w.stop()).catch(() => {});
    for (const b of bares) await b.stop().catch(() => {});
    for (const nd of nodes) await nd.stop();
    await db.drop();
    const { Redis } = require('ioredis');
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  }
});
