#!/usr/bin/env node
// Benchmark: sustained castVote mutations per second through the public GraphQL endpoint of the
// built server (authenticated, validated, access-checked, audited, event appended, tally published
// to subscribed sockets), against the baseline of a minimal node:http server doing ONE upsert per
// request through pg on a table of the vote table's shape — both measured in this run, on this
// machine, by the same closed-loop load generator (node:http keep-alive, `--concurrency` workers).
//
//   node tools/bench/vote-ingest.mjs [--nodes=1] [--voters=1000] [--proposals=10] [--seconds=10]
//                                    [--concurrency=32] [--no-build] [--json=<file>] [--apollo]
//
// --nodes=2 runs two API nodes with Redis (and two baseline processes), load spread over both.
// The document is the one the web app sends, which the server's lean castVote path answers before
// Apollo (docs/architecture.md § The vote path); --apollo sends the same fields inside an inline
// fragment, a shape the lean path leaves to Apollo, to measure the full GraphQL pipeline instead.
import { randomBytes, randomUUID } from 'node:crypto';
import { agent, build, gql, joinGuests, loadFor, main, newOrganizer, newProposal, parseArgs, postJson, report, require, scratchDatabase, SECTORS, startBaseline, startNode, withClient } from './lib.mjs';

const args = parseArgs();
const NODES = Number(args.get('nodes') ?? 1);
const VOTERS = Number(args.get('voters') ?? 1000);
const PROPOSALS = Number(args.get('proposals') ?? 10);
const SECONDS = Number(args.get('seconds') ?? 10);
const CONCURRENCY = Number(args.get('concurrency') ?? 32);
const CHOICES = ['AGREE', 'DISAGREE', 'ABSTAIN', 'BLOCK'];
const APOLLO = args.has('apollo');
const CAST = APOLLO ? 'mutation($i: CastVoteInput!) { castVote(input: $i) { ... on Vote { id } } }' : 'mutation($i: CastVoteInput!) { castVote(input: $i) { id } }';

main(async () => {
  build(args);
  const db = await scratchDatabase('yoriai_bench_votes');
  const prefix = NODES > 1 ? `yoriai-bench-${randomBytes(4).toString('hex')}` : undefined;
  const nodes = [];
  const baselines = [];
  const sockets = [];
  try {
    nodes.push(await startNode(db.url, { redisPrefix: prefix }));
    for (let i = 1; i < NODES; i++) nodes.push(await startNode(db.url, { redisPrefix: prefix }));
    const a = agent(CONCURRENCY * 2);
    const url = nodes[0].url;
    const org = await newOrganizer(url, a);
    const proposals = [];
    for (let i = 0; i < PROPOSALS; i++) proposals.push(await newProposal(url, org, `ベンチ提案 ${i + 1}`, a));
    for (const id of proposals) await gql(url, 'mutation($i: OpenVotingInput!) { openVoting(input: $i) { id } }', { i: { proposalId: id, rule: 'CROSS_SECTOR' } }, org.token, a);
    const { guests } = await joinGuests(url, org, VOTERS, a);
    // Screens following every proposal, so each vote's tally is really computed and published.
    const { io } = require('socket.io-client');
    for (const [i, id] of proposals.entries()) {
      const s = io(`${nodes[i % NODES].url}/live`, { path: '/socket.io', transports: ['websocket'], forceNew: true, reconnection: false, auth: { token: org.token } });
      await new Promise((resolve, reject) => s.once('connect', resolve).once('connect_error', reject));
      await s.timeout(10_000).emitWithAck('subscribe', { room: `proposal:${id}` });
      sockets.push(s);
    }
    console.log(`vote ingest: ${NODES} node(s), ${VOTERS} voters, ${PROPOSALS} proposals, ${CONCURRENCY} concurrent clients, ${SECONDS} s${APOLLO ? ', through Apollo' : ''}`);

    const product = await loadFor({ durationMs: SECONDS * 1000, concurrency: CONCURRENCY }, async (w, i) => {
      const g = guests[(w * 7919 + i * 31) % guests.length];
      const res = await postJson(
        `${nodes[(w + i) % NODES].url}/graphql`,
        { query: CAST, variables: { i: { proposalId: proposals[(w + i) % proposals.length], choice: CHOICES[(w + i) % 4], clientRequestId: randomUUID() } } },
        { headers: { authorization: `Bearer ${g.token}` }, agent: a },
      );
      return res.status === 200 && !res.body.errors && !!res.body.data?.castVote;
    });
    console.log(`  Yoriai castVote: ${product.perSecond.toFixed(0)} votes/s (${product.errors} errors), latency p50 ${product.latency.p50.toFixed(1)} ms p99 ${product.latency.p99.toFixed(1)} ms`);

    // Baseline: the same shape of table, one upsert per request, nothing else.
    const rounds = await withClient(db.url, async (c) => {
      await c.query('CREATE TABLE bench_vote (LIKE vote INCLUDING ALL)');
      await c.query('CREATE SEQUENCE bench_vote_event');
      return (await c.query('SELECT id FROM voting_round')).rows.map((r) => r.id);
    });
    for (let i = 0; i < NODES; i++) baselines.push(await startBaseline('vote', db.url));
    const baseline = await loadFor({ durationMs: SECONDS * 1000, concurrency: CONCURRENCY }, async (w, i) => {
      const g = guests[(w * 7919 + i * 31) % guests.length];
      const res = await postJson(`${baselines[(w + i) % NODES].url}/vote`, { roundId: rounds[(w + i) % rounds.length], participantId: g.id, sector: SECTORS[(w + i) % 7], choice: CHOICES[(w + i) % 4] }, { agent: a });
      return res.status === 200;
    });
    console.log(`  baseline (node:http + pg upsert): ${baseline.perSecond.toFixed(0)} upserts/s (${baseline.errors} errors), latency p50 ${baseline.latency.p50.toFixed(1)} ms p99 ${baseline.latency.p99.toFixed(1)} ms`);

    const [check] = await withClient(db.url, async (c) => (await c.query(`SELECT (SELECT count(*)::int FROM vote_event) AS events, (SELECT count(*)::int FROM audit_log WHERE action = 'vote.cast') AS audited`)).rows);
    report(args, {
      name: 'vote-ingest',
      nodes: NODES,
      figures: [
        {
          id: 'vote-ingest',
          figure: 'Vote ingest: castVote mutations/s (GraphQL, authenticated, audited, tally published)',
          unit: 'votes/s',
          value: product.perSecond,
          baseline: baseline.perSecond,
          baselineLabel: 'node:http + one pg upsert per request, same table shape',
          ratio: product.perSecond / baseline.perSecond,
          target: '≥ 40 % of baseline and ≥ 1,500 votes/s',
          met: product.perSecond / baseline.perSecond >= 0.4 && product.perSecond >= 1500,
          details: { errors: product.errors, latencyP50: product.latency.p50, latencyP99: product.latency.p99, baselineLatencyP99: baseline.latency.p99, eventsStored: check.events, auditRows: check.audited, concurrency: CONCURRENCY, path: APOLLO ? 'apollo' : 'lean' },
        },
      ],
    });
  } finally {
    for (const s of sockets) s.close();
    for (const b of baselines) await b.stop();
    for (const n of nodes) await n.stop();
    await db.drop();
    if (prefix) {
      const { Redis } = require('ioredis');
      const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
    }
  }
});
