#!/usr/bin/env node
// Benchmark: how many connected participants ONE API node holds while the fan-out stays under
// p99 250 ms, stepping up until it breaks, and the server's memory per connection — beside a bare
// socket.io server holding the same number of clients (memory per connection, fan-out p99) in the
// same run. At each step every client follows one proposal and a hall votes in bursts of 5 every
// 100 ms (50 votes/s); latency = vote acknowledged → the last client holds a tally including it.
//
//   node tools/bench/capacity.mjs [--steps=500,1000,2000,3000,4000,6000,8000] [--votes=200] [--no-build] [--json=<file>]
//
// A step that misses the limit is measured once more before it counts as broken: on a shared machine
// one foreign burst of load must not decide the capacity.
//
// The clients live in this one load process on the same 2 cores as the server, so at the top steps
// the load process itself competes for CPU: the figure is what one node does on this machine with
// its clients beside it, a lower bound for a node with the machine to itself.
import { agent, allReached, build, connectLive, gql, joinGuests, main, newOrganizer, newProposal, parseArgs, report, rssOf, scratchDatabase, sleep, startBaseline, startNode, summary } from './lib.mjs';

const args = parseArgs();
const STEPS = (args.get('steps') ?? '500,1000,2000,3000,4000,6000,8000').split(',').map(Number);
const VOTES_PER_STEP = Number(args.get('votes') ?? 200);
const P99_LIMIT_MS = 250;
const BURST = 5;
const EVERY_MS = 100;

async function connectAll(url, count, options, into) {
  for (let i = 0; i < count; i += 100) {
    into.push(...(await Promise.all(Array.from({ length: Math.min(100, count - i) }, (_, j) => connectLive(url, options(i + j))))));
  }
}

/** Bursts of first votes (`send(k)` resolves at the k-th vote's acknowledgement); latencies to the last client. */
async function measure(clients, startTotal, votes, send) {
  const latencies = [];
  let total = startTotal;
  for (let b = 0; b * BURST < votes; b++) {
    const started = performance.now();
    const acks = await Promise.all(Array.from({ length: BURST }, (_, j) => send(b * BURST + j)));
    total += BURST;
    const expected = total;
    const reached = await allReached(clients, (t) => t.total >= expected, 20_000);
    latencies.push(...acks.map((ack) => reached - ack));
    const wait = EVERY_MS - (performance.now() - started);
    if (wait > 0) await sleep(wait);
  }
  return summary(latencies);
}

main(async () => {
  build(args);
  const db = await scratchDatabase('yoriai_bench_capacity');
  const max = Math.max(...STEPS);
  let node;
  let bare;
  const clients = [];
  const bareClients = [];
  const steps = [];
  try {
    node = await startNode(db.url);
    const a = agent(64);
    const org = await newOrganizer(node.url, a);
    const proposalId = await newProposal(node.url, org, '収容力ベンチの提案', a);
    const { guests } = await joinGuests(node.url, org, max + 2 * VOTES_PER_STEP * STEPS.length, a);
    const voters = guests.slice(max);
    await gql(node.url, 'mutation($i: OpenVotingInput!) { openVoting(input: $i) { id } }', { i: { proposalId, rule: 'MAJORITY' } }, org.token, a);
    // Let the garbage of 4,000+ joins be collected (V8 shrinks an idle heap after a few seconds) before the reference.
    await sleep(10_000);
    const idleRss = rssOf(node.pid);
    let voted = 0;
    for (const n of STEPS) {
      let p;
      try {
        const base = clients.length;
        await connectAll(node.url, n - base, (k) => ({ token: guests[base + k].token, room: `proposal:${proposalId}` }), clients);
        await sleep(3000);
        const rss = rssOf(node.pid);
        const vote = (k) => gql(node.url, 'mutation($i: CastVoteInput!) { castVote(input: $i) { id } }', { i: { proposalId, choice: 'AGREE' } }, voters[voted + k].token, a).then(() => performance.now());
        p = await measure(clients, voted, VOTES_PER_STEP, vote);
        voted += VOTES_PER_STEP;
        if (p.p99 > P99_LIMIT_MS) {
          console.log(`  ${n} clients: p99 ${p.p99.toFixed(0)} ms, measuring once more`);
          p = await measure(clients, voted, VOTES_PER_STEP, vote);
          voted += VOTES_PER_STEP;
        }
        steps.push({ clients: n, p50: p.p50, p99: p.p99, max: p.max, rssMb: rss / 1048576, bytesPerConnection: (rss - idleRss) / n, ok: p.p99 <= P99_LIMIT_MS });
      } catch (e) {
        steps.push({ clients: n, error: String(e.message ?? e), ok: false });
      }
      const last = steps.at(-1);
      console.log(`  ${n} clients: ${last.error ?? `fan-out p50 ${last.p50.toFixed(0)} ms, p99 ${last.p99.toFixed(0)} ms; server RSS ${last.rssMb.toFixed(0)} MB (${(last.bytesPerConnection / 1024).toFixed(1)} KiB per connection)`}`);
      if (!last.ok) break;
    }
    for (const c of clients.splice(0)) c.socket.close();
    await node.stop();
    node = undefined;

    // Baseline: a bare socket.io server with as many clients as the largest step Yoriai held.
    const held = steps.filter((s) => s.ok).at(-1) ?? steps[0];
    bare = await startBaseline('socket');
    await sleep(3000);
    const bareIdle = rssOf(bare.pid);
    await connectAll(bare.url, held.clients, () => ({ room: 'r', namespace: '' }), bareClients);
    await sleep(3000);
    const bareRss = rssOf(bare.pid);
    const bareFanout = await measure(bareClients, 0, VOTES_PER_STEP, () => fetch(`${bare.url}/vote`, { method: 'POST', body: '{}' }).then(async (r) => (await r.arrayBuffer(), performance.now())));
    const bareBytes = (bareRss - bareIdle) / held.clients;
    console.log(`  bare socket.io, ${held.clients} clients: fan-out p99 ${bareFanout.p99.toFixed(0)} ms; ${(bareBytes / 1024).toFixed(1)} KiB per connection`);

    const capacity = steps.filter((s) => s.ok).at(-1)?.clients ?? 0;
    const brokeAt = steps.find((s) => !s.ok)?.clients ?? null;
    report(args, {
      name: 'capacity',
      figures: [
        {
          id: 'capacity',
          figure: 'Capacity: connected participants one API node holds with fan-out p99 < 250 ms',
          unit: 'clients',
          value: capacity,
          baseline: null,
          baselineLabel: `steps ${STEPS.join(', ')}; ${brokeAt ? `broke at ${brokeAt}` : 'did not break within the steps'}`,
          ratio: null,
          target: 'reported (step up until it breaks)',
          met: null,
          details: { steps, brokeAt, bareFanoutP99AtCapacity: bareFanout.p99 },
        },
        {
          id: 'memory-per-connection',
          figure: `Memory per connection (server RSS growth / clients, at ${held.clients} clients)`,
          unit: 'KiB',
          value: held.bytesPerConnection / 1024,
          baseline: bareBytes / 1024,
          baselineLabel: 'bare socket.io server, same clients',
          ratio: held.bytesPerConnection / bareBytes,
          target: 'reported',
          met: null,
          details: { idleRssMb: idleRss / 1048576, bareIdleRssMb: bareIdle / 1048576 },
        },
      ],
    });
  } finally {
    for (const c of [...clients, ...bareClients]) c.socket.close();
    await bare?.stop();
    await node?.stop();
    await db.drop();
  }
});
