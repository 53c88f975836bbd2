#!/usr/bin/env node
// `npm run bench`: builds the production server once, runs every benchmark (each starts the built
// server on a scratch database of the real PostgreSQL and drives it from this machine's loopback),
// and writes bench-results/<yyyy-mm-dd>.json and docs/benchmarks.md. Every figure is paired with a
// baseline measured in the same run on the same machine, so the ratio means something on a noisy
// machine; with --runs N each figure is the median of N runs (the ratio: the median of the per-run
// ratios). Not part of the test command.
//
//   npm run bench -- [--runs 3] [--nodes 2] [--clients 2000] [--only vote-ingest,fanout] [--no-build]
//                    [--burst-clients 2000,5000] [--burst-two-node 10000] [--burst-rates 200,400,…] [--burst-workers 4]
//   node tools/bench/run.mjs --render bench-results/<date>.json   (only rewrite docs/benchmarks.md from a result)
//
// Benchmarks: vote-ingest, fanout, read-path, capacity, burst, exports (tools/bench/minutes.mjs), analytics, themes.
// burst (tools/bench/burst.mjs): open-loop hall bursts on one node, the rate stepped up until it breaks,
// and 10,000 guests on two nodes with Redis (--burst-two-node 0 skips that step).
// --nodes 2 runs vote ingest and fan-out on two API nodes with Redis (REDIS_URL, default the local one).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_URL, build, median, parseArgs, root, withClient } from './lib.mjs';

const args = parseArgs();
const RUNS = Number(args.get('runs') ?? 1);
const NODES = Number(args.get('nodes') ?? 1);
const CLIENTS = Number(args.get('clients') ?? 1000);
const ONLY = args.has('only') ? args.get('only').split(',') : undefined;
const TALLY_WINDOW_MS = 100;

const BENCHMARKS = [
  { name: 'vote-ingest', script: 'vote-ingest.mjs', args: [`--nodes=${NODES}`] },
  { name: 'fanout', script: 'fanout.mjs', args: [`--clients=${CLIENTS}`, `--nodes=${NODES}`, '--rate=200', '--baseline'] },
  { name: 'read-path', script: 'read-path.mjs', args: [] },
  { name: 'capacity', script: 'capacity.mjs', args: [] },
  {
    name: 'burst',
    script: 'burst.mjs',
    args: [
      ['clients', 'burst-clients'],
      ['two-node', 'burst-two-node'],
      ['rates', 'burst-rates'],
      ['workers', 'burst-workers'],
    ]
      .filter(([, flag]) => args.has(flag))
      .map(([name, flag]) => `--${name}=${args.get(flag)}`),
  },
  { name: 'exports', script: 'minutes.mjs', args: ['--runs=1'] },
  { name: 'analytics', script: 'analytics.mjs', args: ['--runs=1'] },
  { name: 'themes', script: 'themes.mjs', args: [] },
].filter((b) => !ONLY || ONLY.includes(b.name));

/** fanout.mjs reports latencies; turn them into figures with the issue's target. */
function fanoutFigures(r) {
  const limit = r.baseline.p99 + TALLY_WINDOW_MS + 50;
  const who = `${r.clients} clients, ${r.nodes} node${r.nodes > 1 ? 's' : ''}, ${r.steady.rate.toFixed(0)} votes/s`;
  const common = { unit: 'ms', baselineLabel: `bare socket.io server broadcasting every vote at once, same ${r.clients} clients`, details: { rate: r.steady.rate, storm: r.storm, eventsPerClient: r.steady.eventsPerClient } };
  return [
    { id: 'fanout-p50', figure: `Fan-out p50: vote acknowledged → last client holds it (${who})`, value: r.steady.p50, baseline: r.baseline.p50, ratio: r.steady.p50 / r.baseline.p50, target: 'reported', met: null, ...common },
    {
      id: 'fanout-p99',
      figure: `Fan-out p99 (${who})`,
      value: r.steady.p99,
      baseline: r.baseline.p99,
      ratio: r.steady.p99 / r.baseline.p99,
      target: `≤ baseline p99 + ${TALLY_WINDOW_MS} ms window + 50 ms`,
      met: r.steady.p99 <= limit,
      ...common,
    },
    { id: 'fanout-max', figure: `Fan-out max (${who})`, value: r.steady.max, baseline: r.baseline.max, ratio: r.steady.max / r.baseline.max, target: 'reported', met: null, ...common },
    { id: 'fanout-delivery', figure: `Final tally delivered to every client (${r.clients} clients, after a storm of ${r.clients} vote changes)`, unit: '%', value: r.finalDelivery * 100, baseline: 100, baselineLabel: 'all clients', ratio: r.finalDelivery, target: '100 %', met: r.finalDelivery === 1 },
  ];
}

const BURST_ACK_P99_LIMIT_MS = 250;

/** Whether a figure meets its target, judged on the medians (so --runs 3 decides on medians too); `all` are the runs' figures. */
function judge(id, value, baseline, all = []) {
  // Open-loop bursts: a vote lost or a screen never reached fails the step whatever the latencies.
  const clean = all.every((f) => !f.details || (f.details.errors === 0 && f.details.missing === 0));
  if (/^burst-.*-ack-p99$/.test(id)) return value <= BURST_ACK_P99_LIMIT_MS && clean;
  if (/^burst-.*-screen-p99$/.test(id)) return value <= TALLY_WINDOW_MS + 2 * baseline && clean;
  if (id === 'vote-ingest') return value / baseline >= 0.4 && value >= 1500;
  if (id === 'fanout-p99') return value <= baseline + TALLY_WINDOW_MS + 50;
  if (id === 'fanout-delivery') return value === 100;
  if (id === 'themes-20k') return value < 5000;
  if (id === 'read-p50') return value <= 3 * baseline;
  if (id === 'export-minutes.pdf') return value < 5000;
  if (id === 'exports-all') return value < 10000;
  if (id === 'themes-live-p50' || id === 'themes-live-max') return value < 200;
  if (id === 'themes-storm-loop-p99') return value <= baseline + 5;
  return null;
}

function runOne(bench, run) {
  const dir = mkdtempSync(join(tmpdir(), 'yoriai-bench-run-'));
  const out = join(dir, 'result.json');
  console.log(`\n=== ${bench.name} (run ${run + 1}/${RUNS}) ===`);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [join(root, 'tools/bench', bench.script), '--no-build', `--json=${out}`, ...bench.args], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: process.env });
  try {
    if (r.status !== 0) return { name: bench.name, error: `exited with ${r.status}`, seconds: (Date.now() - t0) / 1000 };
    const result = JSON.parse(readFileSync(out, 'utf8'));
    const figures = bench.name === 'fanout' ? fanoutFigures(result) : result.figures;
    return { name: bench.name, figures, raw: result, seconds: (Date.now() - t0) / 1000 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (v, unit) => {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  if (!unit) return v.toFixed(3); // scores such as purity and NMI
  if (unit === '%') return `${v.toFixed(0)} %`;
  if (Math.abs(v) >= 100) return `${Math.round(v).toLocaleString('en-US')} ${unit}`;
  return `${v.toFixed(1)} ${unit}`;
};

function table(figures) {
  const rows = figures.map((f) => [
    f.figure,
    // A floor: the load generator saturated, so the server may do better than this.
    `${fmt(f.value, f.unit)}${f.floor ? ' (floor)' : ''}`,
    f.baseline === null || f.baseline === undefined ? f.baselineLabel ?? '—' : `${fmt(f.baseline, f.unit)} (${f.baselineLabel})`,
    f.ratio === null || f.ratio === undefined ? '—' : `${f.ratio.toFixed(2)}×`,
    f.target,
    f.met === null || f.met === undefined ? '—' : f.met ? '✅ yes' : '❌ no',
  ]);
  return ['| figure | Yoriai | baseline (same run) | ratio | target | met? |', '|---|---|---|---|---|---|', ...rows.map((r) => `| ${r.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`)].join('\n');
}

async function machine() {
  const pg = await withClient(ADMIN_URL, async (c) => (await c.query('SHOW server_version')).rows[0].server_version).catch(() => 'unknown');
  return { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, postgres: pg };
}

function markdown(result) {
  const { date, machine: m, runs, nodes, clients } = result;
  const details = result.figures
    .filter((f) => f.id === 'capacity')
    .flatMap((f) => (f.details?.steps ?? []).map((s) => `| ${s.clients} | ${s.error ? `failed: ${s.error}` : `${s.p50.toFixed(0)} ms`} | ${s.p99 !== undefined ? `${s.p99.toFixed(0)} ms` : '—'} | ${s.rssMb !== undefined ? `${s.rssMb.toFixed(0)} MB` : '—'} | ${s.ok ? 'held' : 'broke'} |`));
  const ms = (v) => (typeof v === 'number' && Number.isFinite(v) ? `${Math.round(v).toLocaleString('en-US')} ms` : '—');
  const gen = (g) => (g ? `${g.lagP99Ms.toFixed(0)} ms / ${g.cpuPercent.toFixed(0)} %${g.saturated ? ' (saturated)' : ''}` : '—');
  const burstSteps = result.figures
    .filter((f) => /^burst-.*-screen-p99$/.test(f.id))
    .map((f) => f.details)
    .map(
      (s) =>
        `| ${s.clients.toLocaleString('en-US')} | ${s.nodes} | ${s.offered.toFixed(0)} | ${ms(s.ack.p50)} / ${ms(s.ack.p99)} | ${ms(s.bareUpsert.ack.p99)} | ${ms(s.screen.p50)} / ${ms(s.screen.p99)} | ${ms(s.bareBroadcast.screen.p99)} → ≤ ${ms(s.screenLimit)} | ${s.errors} / ${s.missing} | ${(s.bytesPerConnection / 1024).toFixed(1)} KiB (bare ${(s.bareBytesPerConnection / 1024).toFixed(1)}) | ${s.rssMb.toFixed(0)} MB | ${gen(s.generator)} | ${s.ok ? 'held' : 'missed'}${s.floor ? ' (floor)' : ''} |`,
    );
  const ladderFigure = result.figures.find((f) => f.id === 'burst-rate-held');
  const ladder = (ladderFigure?.details?.ladder ?? []).map(
    (l) =>
      `| ${l.rate.toLocaleString('en-US')} | ${l.votes.toLocaleString('en-US')} in ${(l.windowMs / 1000).toFixed(1)} s | ${ms(l.ack.p50)} / ${ms(l.ack.p99)} | ${ms(l.screen?.p50)} / ${ms(l.screen?.p99)} | ${l.errors} / ${l.missing} | ${gen(l.generator)} | ${l.ok ? 'held' : 'broke'}${l.floor ? ' (floor)' : ''} |`,
  );
  return `# Benchmarks / ベンチマーク

日本語要約: \`npm run bench\` は本番ビルドのサーバーを実際の PostgreSQL 上で起動し、模擬参加者（socket.io と HTTP）で
負荷をかけて、各数値を**同じ実行・同じマシンで測ったベースライン**と並べて記録します（共有マシンの揺らぎを比で打ち消すため）。
下の表は最新の実行結果です（\`bench-results/${date}.json\`）。投票の取り込み・ファンアウト・読み取り・収容力・一斉投票（オープンループ）・出力・分析を測ります。
テストコマンドには含まれません。

This file is generated by \`tools/bench/run.mjs\` (do not edit by hand). Latest run: **${date}**, ${runs} run(s) per
figure (${runs > 1 ? 'medians' : 'a single run — noisy; use `--runs 3` for medians'}), ${nodes} API node(s), ${clients} fan-out clients.
Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}, PostgreSQL ${m.postgres}. The machine is shared
by the whole team, so absolute numbers move between runs; compare each figure with the baseline measured beside it.
${(result.notes ?? []).map((n) => `\n> ${n}`).join('\n')}

## Results

${table(result.figures)}

${details.length ? `### Capacity steps (last run; one API node; clients in one load process on the same cores)\n\n| clients | fan-out p50 | fan-out p99 | server RSS | |\n|---|---|---|---|---|\n${details.join('\n')}\n` : ''}
${
    burstSteps.length
      ? `### Open-loop hall bursts (last run; each guest votes once at an arrival time drawn in advance)

| guests | nodes | votes/s offered | ack p50 / p99 | bare upsert ack p99 | on every screen p50 / p99 | bare socket.io all-clients p99 → screen target | errors / screens missing | memory per connection | server RSS | generator lag p99 / CPU (worst process) | |
|---|---|---|---|---|---|---|---|---|---|---|---|
${burstSteps.join('\n')}
`
      : ''
  }
${
    ladder.length
      ? `### Where it breaks (last run; the vote rate stepped up at ${ladderFigure.details.ladder[0].clients.toLocaleString('en-US')} screens on one node; screen target ≤ ${ms(ladderFigure.details.screenLimit)})

| votes/s offered | votes | ack p50 / p99 | on every screen p50 / p99 | errors / screens missing | generator lag p99 / CPU | |
|---|---|---|---|---|---|---|
${ladder.join('\n')}
`
      : ''
  }
## Where the time goes (profiled 2026-11-23 and 2026-12-07, \`YORIAI_BENCH_NODE_FLAGS="--cpu-prof"\`)

- **Vote ingest** meets its target since 2026-12-07 (it was 0.13×). Three changes, each measured beside the baseline:
  a lean path for castVote-only documents before Apollo (\`cast-vote.fast-path.ts\`: the same authentication, input
  rules and service, no GraphQL/Nest pipeline per request), group commit (\`vote-batch.writer.ts\`: the votes that
  arrive together are BEGIN, **one statement** that reads each vote's context and writes events, votes and audit
  rows, COMMIT; each caller answered after COMMIT) and a per-node memory of verified token signatures (the session is
  still checked on every request). The full Apollo pipeline alone reaches ~0.21× (\`vote-ingest.mjs --apollo\`).
  What remains: socket writes, the express middleware before the lean path, socket.io tally sends. The baseline
  itself moves a lot between runs on this shared machine (3,966 → 5,516 votes/s between two full runs the same day),
  so the ratio sits around the 0.40× line: 0.44× and then 0.32× (1,777 votes/s) in full runs, 0.37× / 0.46× / 0.39× /
  0.41× in four standalone runs the same evening. Profile of the closed loop (2,200 votes/s): ~23 % of the node's
  CPU is the \`writev\` of pg queries — the loopback write that wakes a PostgreSQL backend on 2 shared cores — of
  which the group commit's own BEGIN and COMMIT are two of every batch's three round trips; the next step is a
  batch of plain first votes as one autocommitted statement (no BEGIN/COMMIT), which changes the retry path and was
  left for a session with time to prove it. Halving the batches in flight (8 → 4, so larger batches) made no
  measurable difference (0.41×, 0.39×).
- **Open-loop bursts**: each step now prints where the machine's CPU went while the votes were sent (server,
  PostgreSQL, generator, other processes, against 2 cores × 100 %), so a figure measured on a busy machine shows it.
  That split explained the 2,000-guest tail of the earlier runs (ack p99 ~4 s): (1) a stray process outside the bench
  was taking a core ("other processes" 112–146 %); on the quiet machine the same step gave ack p99 0.15–0.67 s.
  (2) The tally window: an A/B on the quiet machine, 2,000 screens — a 100 ms window gave ack p99 3.7–4.5 s with the
  node's main thread ~95 % busy for the whole burst, tally sends 40–60 % of it (2,000 socket writes per send, ~22 µs
  each, the \`writev\` system call first) and the generator at ~97 % of a core receiving 20,000 frames/s, while the
  PostgreSQL sessions sat "idle in transaction (ClientRead)", i.e. the database waited for the node; the 200 ms window
  of \`tallyWindowFor\` (the default) gave ack p99 0.30–0.40 s and on-every-screen p99 357–367 ms against limits of
  356–430 ms. What is left at 2,000 is the first second of a burst (votes of its first 250 ms wait 80–140 ms at the
  median, later ones 10–30 ms): the node writes each tally to every socket in one event-loop turn, so votes queue
  behind a send while the queue builds. In this run 5,000 guests on one node met the screen target (p99 891 ms
  against 2,318 ms) and the rate held 400 votes/s at 5,000 screens (ack p99 233 ms), breaking at 700/s with the
  machine at 175–181 % (server ~56 %, PostgreSQL ~60 %, generator ~60 %). 10,000 guests on two nodes are a floor:
  the generator saturated, and even the bare socket.io servers holding the same clients had an all-clients p99 of
  5.4 s; the errors are \`ECONNRESET\` on keep-alive connections reused as the server closed them after minutes of
  queueing. Next: spread a tally send over event-loop turns (a few hundred sockets each, keeping each room's order)
  so votes are not held behind it; for halls beyond ~2,000, more cores per node or more nodes.
- **Read path**: about 40 % of the proposal page's CPU was Nest's per-field machinery — the global ValidationPipe and
  the external context ran for every \`Comment.replies(first, offset)\` and author field of 200 comments; on 2026-12-07
  the pipes went (10 → 20 pages/s) and Apollo's cache-control plugin, which wrapped every field, is off. The profile
  that followed showed GC 36 %, Nest's wrapper and the DataLoader promises of ~800 Comment field calls, TypeORM
  hydrating 200 comments and ~160 authors, and 15 SQL round trips. Since the evening of 2026-12-07 a proposal's thread
  is one query with its authors and comes out as plain comments whose \`body\` (moderation applied), \`author\` and
  \`replyCount\` are plain fields; \`Comment.replies\` of such a comment is answered from the thread in memory without
  Nest's wrapper (\`answerRepliesFromThread\`); \`commentCount\` is the thread's size, the current round comes with its
  vote counts and the proposal with the viewer's membership, so the page is 5 queries with a cached session
  (\`comment.spec.ts\`). Three alternating runs of \`read-path.mjs\` before/after on the shared machine: before p50
  15.9×, 12.3×, 12.5× the baseline (10–17 pages/s against 185–281); after 4.0×, 4.2×, 4.5× (43–61 pages/s against
  174–280; p99 1.2–2.1 s); in the full run below 6.2× (p50 625 ms, ~80 pages/s) against a faster baseline (101 ms). Where the rest goes (profile at 50 readers): writing each query to PostgreSQL 18 % (the
  syscall on a loaded 2-core machine — round trips count), GC 16 %, graphql-js completing ~4,000 fields 13 %, pg
  parsing rows 9 %, TypeORM building and hydrating the proposal and versions queries 9 %, sending the 52 KB response
  9 % (+2 % JSON); Nest's remaining wrappers ~3 %, and async hooks (nestjs-pino's request context) ~2 % now that there
  are few promises. On Node 20 AsyncLocalStorage runs on promise hooks for the whole process once used, so it cannot
  be made cheaper per request without dropping request ids from logs; Node ≥ 22.7's async context frames (the default
  from Node 24) remove that cost. ≤ 3× needs less per field than graphql-js's own completion (e.g. compiled queries).
- **minutes.pdf** of the 300-person meeting (424 pages) took about 90 s: pdfmake laid the whole document out again
  for every page break the "heading never ends a page" callback asked for (30 layouts), and wrote every Japanese
  character as its own text operation. Since 2026-12-07 it is one layout pass (an unbreakable heading band) and
  one text operation per run of alike text (docs/exports.md). Since the afternoon of 2026-12-07 measuring asks the
  style stack once per text node instead of 24 times per character, and remembers string widths (same PDF bytes):
  in alternating runs of the old and new build the same hour, 9.5 → 4.1 s, 11.0 → 7.2 s and 7.4 → 5.2 s (the
  machine was loaded — a stray process took a core that hour — the SQL baseline itself ran 200–510 ms); 2.7 s in the
  full run below, on the quiet machine. What remains: pdfmake's objects per character and their garbage
  collection (~25 %), pdfkit shaping each printed line with fontkit, and zlib.
- **Every format together** (6.2 s in the full run below) used to miss < 10 s mostly because of the first export:
  \`minutes.json\` (3.5–5.6 s) tokenised the meeting's 5,000 comments for 「主な論点」 the first time any theme of them
  was asked for. The bench writes its comments with SQL, past the server; a comment posted through the API has its
  terms computed and kept (\`comment_terms\`) within seconds, off the request path: \`comment.created\` makes
  ThemesPublisher ask the meeting's, process's and pillar's themes, and the theme worker tokenises only the comments
  whose terms are not kept. So the bench now times that first tokenising as its own figure (1.9 s for 5,000
  comments), restarts the server, and then exports — as the morning after a real meeting; a real meeting's export
  pays the tokenising only after a change of THEME_TERMS_VERSION. docx takes ~2–4 s, nearly all of it in the docx
  library writing XML (every run names its font and language).
- **Fan-out** meets its target: coalescing keeps the server's broadcasts at ≤ 10 per second per proposal, so at 200
  votes/s its p99 is even below the bare server that broadcasts every vote.

## What each figure measures

- **Vote ingest** (\`tools/bench/vote-ingest.mjs\`): a closed loop of 32 concurrent HTTP clients (keep-alive) sends
  \`castVote\` through \`POST /graphql\` as 1,000 guests on 10 proposals with open rounds, with sockets following every
  proposal — so each vote is authenticated (JWT), validated, access-checked, written with its event and audit row in
  one transaction, and its coalesced tally is computed and published. Baseline: \`tools/bench/baseline-servers.mjs vote\`,
  a bare \`node:http\` server doing one \`INSERT … ON CONFLICT DO UPDATE\` per request through \`pg\` (pool of 20, like the
  API) on \`bench_vote\` (\`LIKE vote INCLUDING ALL\`), driven by the same load generator in the same run.
- **Fan-out** (\`tools/bench/fanout.mjs --rate=200 --baseline\`): ${clients} guests joined by code, one socket.io client
  each following one proposal; votes arrive at 200/s in bursts every 50 ms (each burst after the previous one is
  acknowledged, so "the tally includes the vote" is exact: its total reaches the votes sent). Latency = vote acknowledged
  → the **last** client holds such a tally. Baseline: a bare socket.io server (same transport settings) that broadcasts a
  counter on every vote at once, same clients and bursts. Target: p99 ≤ baseline p99 + the ${TALLY_WINDOW_MS} ms coalescing
  window + 50 ms. Delivery: after a storm where every guest changes their vote at once, every client must hold the final tally.
- **Read path** (\`tools/bench/read-path.mjs\`): the proposal page query (proposal, 3 versions, 200 comments with replies
  and authors, tally, bridging score) at 50 concurrent readers; baseline: \`node:http\` + \`pg\` reading the same rows.
- **Capacity** (\`tools/bench/capacity.mjs\`): clients are added in steps to one API node; at each step a hall votes
  (200 votes in bursts of 5 every 100 ms) and the fan-out p99 is measured (a step over the limit is measured once more
  before it counts); the figure is the largest step with p99 < 250 ms. Memory per connection = server RSS growth /
  clients, beside a bare socket.io server holding the same clients; RSS includes heap garbage, so this figure is noisy
  (±10 KiB between runs) and the bare server's is the cleaner reference.
- **Open-loop bursts** (\`tools/bench/burst.mjs\`, generator shares in \`burst-worker.mjs\`): a hall of guests joined by code,
  each holding a socket.io client that follows the proposal (their screen), votes **once** at an arrival time drawn in
  advance (seeded, uniform over 5 s: 2,000 guests = 400 votes/s, 5,000 = 1,000 votes/s, 10,000 on two nodes with Redis
  = 2,000 votes/s). Open loop: a vote leaves at its time whatever happened to the earlier ones, so a slow server
  meets a growing queue instead of a slower generator (a closed loop of N workers hides it). **Ack** = scheduled
  arrival → \`castVote\` answered (target p99 ≤ 250 ms); baseline: the bare \`node:http\` + \`pg\` upsert server taking the
  same schedule. **On every screen** = vote acknowledged → every client holds a \`vote.tally\` including the vote: votes
  are first votes, so a tally whose total reaches the successful votes sent before the acknowledgement surely includes
  it (an upper bound of the first tally that does; exact when nothing else is in flight). Target p99 ≤ the
  ${TALLY_WINDOW_MS} ms coalescing window + 2 × the baseline: a bare socket.io server (one per node) holding the same clients in
  the same generator processes, broadcasting every ${TALLY_WINDOW_MS} ms (the product's coalesced rate), measured the same way.
  Memory per connection = server RSS growth / clients (both nodes summed on two), beside the bare server's. The steps
  together are the clients-per-node curve; **where it breaks** steps the offered rate up at the largest one-node step
  (all guests within 5 s, or fewer seconds above guests/5 votes/s) until ack p99, the screen target, an error or a
  missing screen fails twice in a row. The generator runs as 4 child processes (\`--burst-workers\`), each holding a
  share of the sockets and sending its guests' votes; each reports its event-loop lag (p99) and CPU over the sending
  phase, and a figure is marked **(floor)** when one of them saturated (lag p99 > 50 ms or CPU > 90 % of a core): the
  server may then do better than measured. On 2 shared cores the server, PostgreSQL and the generator compete:
  each step also prints the machine's CPU over its sending phase (\`cpuSplit\` in \`tools/bench/lib.mjs\`, from
  /proc: the server processes, every \`postgres\` process, the generator processes, and the rest as "other
  processes"; per cent of one core, against cores × 100 %), kept in the result file with each step (\`details.cpu\`).
- **Exports** (\`tools/bench/minutes.mjs\`): the minutes of a 300-person meeting (50 proposals, 5,000 comments, 15,000
  votes in 50 closed rounds) in every format, served by the built server; baseline: the same rows read with plain SQL.
  The seed writes the comments with SQL, past the server, so before the exports the server computes the meeting's
  「主な論点」 once (its own figure: every comment tokenised, terms kept, as a live meeting does while it runs) and is
  restarted, so that no theme stays in its memory and the exports start as the morning after the meeting would.
- **Themes** (\`tools/bench/themes.mjs\`): quality (purity / NMI) on the 300-comment evaluation set; \`Process.themes\` of
  20,000 comments seeded with SQL, the first time ever (tokenising all of them in the theme worker, reported) and on a
  restarted server whose terms are in the database (clustering included; target < 5 s); a live meeting holding 2,000
  comments, where each new comment's \`addComment\` acknowledgement is timed to the \`themes.updated\` a socket in the
  meeting room receives (target < 200 ms); baseline: tokenising the same comments alone with the same analyser, in the
  same run. Then a storm of 300 comments from 14 guests at once on that meeting: the API's own event-loop delay
  (\`monitorEventLoopDelay\` preloaded by \`tools/bench/loop-probe.cjs\`) p99 and max, beside the same storm on a server
  with \`themes.updated\` switched off (target: p99 within 5 ms of it).
- **Analytics** (\`tools/bench/analytics.mjs\`): every analytics field on 2,000 participants, 200 proposals, 200,000
  votes and 20,000 comments seeded with SQL; baseline: one SQL \`GROUP BY\` over the same votes.

## Running it

\`\`\`
npm run bench                       # everything, one run each (about 15 minutes on 2 cores)
npm run bench -- --runs 3           # medians of three runs
npm run bench -- --nodes 2          # vote ingest and fan-out on two API nodes with Redis
npm run bench -- --clients 2000     # fan-out with 2,000 clients
npm run bench -- --only fanout,vote-ingest
npm run bench -- --only burst       # open-loop bursts: 2,000 / 5,000 guests on one node, rate ladder, 10,000 on two nodes (29 min on a busy shared machine)
npm run bench -- --only burst --burst-two-node 0 --burst-rates 400,1000   # shorter: no two-node step, two rates
YORIAI_BENCH_NODE_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof" node tools/bench/vote-ingest.mjs --no-build   # profile the server
node tools/bench/run.mjs --render bench-results/<date>.json   # rewrite this file from a result
\`\`\`

It needs PostgreSQL (\`DATABASE_URL\`, default \`postgres://postgres@127.0.0.1:5432/postgres\`; scratch databases are
created and dropped) and, for \`--nodes 2\` and the two-node burst, Redis (\`REDIS_URL\`). Everything talks to 127.0.0.1 only; every load loop
is bounded in count and time. Each benchmark script also runs on its own (see its header).
`;
}

async function main() {
  if (args.has('render')) {
    writeFileSync(join(root, 'docs/benchmarks.md'), markdown(JSON.parse(readFileSync(args.get('render'), 'utf8'))));
    console.log('wrote docs/benchmarks.md');
    return;
  }
  build(args);
  const started = Date.now();
  const perRun = [];
  for (let run = 0; run < RUNS; run++) for (const bench of BENCHMARKS) perRun.push({ run, ...runOne(bench, run) });

  // Aggregate: per figure id, the medians over the runs.
  const ids = [...new Set(perRun.flatMap((r) => (r.figures ?? []).map((f) => f.id)))];
  const figures = ids.map((id) => {
    const all = perRun.flatMap((r) => (r.figures ?? []).filter((f) => f.id === id));
    const last = all.at(-1);
    const value = median(all.map((f) => f.value));
    const baseline = all.every((f) => typeof f.baseline === 'number') ? median(all.map((f) => f.baseline)) : last.baseline;
    const ratio = all.every((f) => typeof f.ratio === 'number') ? median(all.map((f) => f.ratio)) : null;
    const judged = judge(id, value, baseline, all);
    // Capacity: say what each run held, not only the last run's ladder.
    const baselineLabel = id === 'capacity' ? `held per run: ${all.map((f) => f.value).join(', ')} (${last.baselineLabel})` : last.baselineLabel;
    return { ...last, value, baseline, baselineLabel, ratio, met: judged ?? last.met ?? null, floor: all.some((f) => f.floor) || undefined, runs: all.map((f) => ({ value: f.value, baseline: f.baseline, ratio: f.ratio })) };
  });
  const failures = perRun.filter((r) => r.error).map((r) => `${r.name} (run ${r.run + 1}): ${r.error}`);
  const date = new Date().toISOString().slice(0, 10);
  const result = { date, machine: await machine(), runs: RUNS, nodes: NODES, clients: CLIENTS, only: ONLY ?? null, seconds: (Date.now() - started) / 1000, failures, figures, raw: perRun.map((r) => ({ run: r.run, name: r.name, seconds: r.seconds, raw: r.raw, error: r.error })) };

  mkdirSync(join(root, 'bench-results'), { recursive: true });
  const file = join(root, 'bench-results', `${date}${NODES > 1 ? `-nodes${NODES}` : ''}${ONLY ? `-${ONLY.join('-')}` : ''}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  // docs/benchmarks.md shows the full run; a partial (--only) or multi-node run only writes its JSON.
  if (!ONLY && NODES === 1) writeFileSync(join(root, 'docs/benchmarks.md'), markdown(result));
  console.log(`\n${table(figures)}\n`);
  if (failures.length) console.log(`failed: ${failures.join('; ')}`);
  console.log(`wrote ${file}${!ONLY && NODES === 1 ? ' and docs/benchmarks.md' : ''} in ${(result.seconds / 60).toFixed(1)} min`);
  process.exit(failures.length ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
