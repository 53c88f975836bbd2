#!/usr/bin/env node
// Benchmark: every cross-sector analytics field of the GraphQL API on a large process — 2,000
// participants in 7 sectors, 200 proposals over 5 pillars, 200,000 open-ballot votes (1,000 per
// proposal), 20,000 comments of which 30 % are replies — seeded with SQL straight into a scratch
// database (the domain library hashes the proposal versions). Each field is timed on its own through
// the built server (median of --runs), beside the baseline of ONE plain SQL aggregate over the same
// votes (agree share per proposal and sector): the floor of reading them once.
//
//   node tools/bench/analytics.mjs [--runs=3] [--no-build] [--json=<file>]
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { agent, build, main, median, migrate, parseArgs, postJson, report, root, scratchDatabase, sessionToken, startNode, withClient } from './lib.mjs';

const args = parseArgs();
const RUNS = Number(args.get('runs') ?? 3);
const SIZE = { participants: 2000, proposals: 200, votersPerProposal: 1000, comments: 20000 };

/** Seeds the process with SQL; returns the ids the queries need. */
async function seed(url, domain) {
  return withClient(url, async (c) => {
    const t0 = Date.now();
    const processId = randomUUID();
    await c.query('SELECT setseed(0.2026)');
    await c.query(
      `CREATE TEMP TABLE bench_member AS
         SELECT g AS rn, gen_random_uuid() AS id, (ARRAY['INDUSTRY','GOVERNMENT','ACADEMIA','FINANCE','LABOUR','MEDIA','CITIZEN'])[1 + g % 7] AS sector
           FROM generate_series(0, $1 - 1) g`,
      [SIZE.participants],
    );
    await c.query(
      `INSERT INTO participant (id, kind, display_name, organization, age_band, gender)
       SELECT id, 'ACCOUNT', '参加者 ' || rn, '団体 ' || (rn % 60), (ARRAY['UNDER_20','20S','30S','40S','50S','60S','70_PLUS'])[1 + rn % 7], (ARRAY['WOMAN','MAN','OTHER','NO_ANSWER'])[1 + rn % 4]
         FROM bench_member`,
    );
    const organizerId = (await c.query('SELECT id FROM bench_member WHERE rn = 0')).rows[0].id;
    await c.query('INSERT INTO process (id, title, created_by_id, record_seq) VALUES ($1, $2, $3, 0)', [processId, '分析ベンチ 協議会（2,000人・200提案）', organizerId]);
    const pillarIds = domain.DEFAULT_PILLARS.map(() => randomUUID());
    for (const [i, p] of domain.DEFAULT_PILLARS.entries()) {
      await c.query('INSERT INTO pillar (id, process_id, position, key, title, title_en) VALUES ($1, $2, $3, $4, $5, $6)', [pillarIds[i], processId, p.position, p.key, p.titleJa, p.titleEn]);
    }
    await c.query(`INSERT INTO membership (process_id, participant_id, role, sector) SELECT $1, id, CASE WHEN rn = 0 THEN 'ORGANIZER' ELSE 'PARTICIPANT' END, sector FROM bench_member`, [processId]);
    const proposals = [];
    for (let i = 0; i < SIZE.proposals; i++) {
      const content = { title: `提案 ${i + 1}`, body: `## 概要\n\n提案 ${i + 1} の本文。`, kpis: [] };
      proposals.push({ id: randomUUID(), roundId: randomUUID(), n: i, pillarId: pillarIds[i % 5], hash: domain.contentHash(content), ...content });
    }
    const params = JSON.stringify(domain.normalizeRuleParams('CROSS_SECTOR', {}));
    for (const p of proposals) {
      await c.query(`INSERT INTO proposal (id, process_id, pillar_id, author_id, title, body, kpis, status, version) VALUES ($1, $2, $3, $4, $5, $6, '[]', 'VOTING', 1)`, [p.id, processId, p.pillarId, organizerId, p.title, p.body]);
      await c.query(`INSERT INTO proposal_version (proposal_id, version, title, body, kpis, content_hash, author_id) VALUES ($1, 1, $2, $3, '[]', $4, $5)`, [p.id, p.title, p.body, p.hash, organizerId]);
      await c.query(
        `INSERT INTO voting_round (id, proposal_id, process_id, proposal_version, rule, params, ballot, status, opened_by_id, opened_at) VALUES ($1, $2, $3, 1, 'CROSS_SECTOR', $4, 'OPEN', 'OPEN', $5, now())`,
        [p.roundId, p.id, processId, params, organizerId],
      );
    }
    await c.query('CREATE TEMP TABLE bench_round (n int, id uuid, proposal_id uuid)');
    await c.query('INSERT INTO bench_round SELECT * FROM unnest($1::int[], $2::uuid[], $3::uuid[])', [proposals.map((p) => p.n), proposals.map((p) => p.roundId), proposals.map((p) => p.id)]);
    // Half the members vote on each proposal; agreement depends on sector and proposal, so groups and splits exist.
    await c.query(
      `INSERT INTO vote_event (round_id, participant_id, sector, choice, proxy, client_request_id)
       SELECT r.id, m.id, m.sector,
              CASE WHEN random() < 0.45 + 0.35 * sin(r.n * 0.7 + (m.rn % 7) * 1.3) THEN 'AGREE'
                   WHEN random() < 0.7 THEN 'DISAGREE' WHEN random() < 0.93 THEN 'ABSTAIN' ELSE 'BLOCK' END,
              false, gen_random_uuid()::text
         FROM bench_round r JOIN bench_member m ON (m.rn + r.n) % 2 = 0`,
    );
    await c.query(`INSERT INTO vote (round_id, participant_id, sector, choice, proxy, event_id) SELECT round_id, participant_id, sector, choice, proxy, id FROM vote_event`);
    await c.query(
      `INSERT INTO comment (id, proposal_id, author_id, sector, stance, body, proposal_version)
       SELECT gen_random_uuid(), r.proposal_id, m.id, m.sector, (ARRAY['SUPPORT','CONCERN','QUESTION','NEUTRAL'])[1 + (g % 4)], '意見 ' || g, 1
         FROM generate_series(0, $1 - 1) g JOIN bench_round r ON r.n = g % $2 JOIN bench_member m ON m.rn = (g * 37) % $3`,
      [Math.round(SIZE.comments * 0.7), SIZE.proposals, SIZE.participants],
    );
    await c.query(
      `INSERT INTO comment (id, proposal_id, parent_id, author_id, sector, stance, body, proposal_version)
       SELECT gen_random_uuid(), p.proposal_id, p.id, m.id, m.sector, 'QUESTION', '返信 ' || g, 1
         FROM generate_series(0, $1 - 1) g
         JOIN LATERAL (SELECT id, proposal_id FROM comment WHERE parent_id IS NULL ORDER BY id OFFSET (g * 13) % $2 LIMIT 1) p ON true
         JOIN bench_member m ON m.rn = (g * 101 + 3) % $3`,
      [Math.round(SIZE.comments * 0.3), Math.round(SIZE.comments * 0.7), SIZE.participants],
    );
    await c.query('ANALYZE');
    const counts = (await c.query(`SELECT (SELECT count(*)::int FROM vote) AS votes, (SELECT count(*)::int FROM comment) AS comments, (SELECT count(*)::int FROM membership) AS members`)).rows[0];
    console.log(`seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${counts.members} members, ${SIZE.proposals} proposals, ${counts.votes} votes, ${counts.comments} comments`);
    return { processId, organizerId, proposalId: proposals[0].id };
  });
}

const FIELDS = [
  ['agreementMatrix', 'Process.agreementMatrix (200 × 7 heat map)', 'query($p: ID!) { process(id: $p) { agreementMatrix { proposalId sector agreeShare voters suppressed } } }'],
  ['bridgingRanking', 'Process.bridgingRanking(first: 20)', 'query($p: ID!) { process(id: $p) { bridgingRanking(first: 20) { proposalId score voters } } }'],
  ['opinionGroups', 'Process.opinionGroups (clustering of voting patterns)', 'query($p: ID!) { process(id: $p) { opinionGroups { id size sectors { sector count } agreement { proposalId agreeShare voters } } } }'],
  ['splitSectors', 'Process.splitSectors', 'query($p: ID!) { process(id: $p) { splitSectors { sector members largestGroupShare } } }'],
  ['crossPillar', 'Process.crossPillar', 'query($p: ID!) { process(id: $p) { crossPillar { pillarId sector meanAgreeShare proposals } } }'],
  ['representation', 'Process.representation', 'query($p: ID!) { process(id: $p) { representation { sector count share target underRepresented } } }'],
  ['dialogueIndex', 'Process.dialogueIndex (20,000 comments)', 'query($p: ID!) { process(id: $p) { dialogueIndex } }'],
  ['inclusion', 'Process.inclusion', 'query($p: ID!) { process(id: $p) { inclusion { participants women { count share suppressed } youth { count share suppressed } } } }'],
  ['proposal', 'Proposal.bridgingScore + missingVoices + dialogueIndex + sectorWeighted', 'query($id: ID!) { proposal(id: $id) { bridgingScore missingVoices dialogueIndex sectorWeighted { agreeShare rawAgreeShare sectors } } }'],
];

main(async () => {
  build(args);
  const domainModule = await import(pathToFileURL(join(root, 'dist/apps/api/libs/domain/src/index.js')).href);
  const domain = domainModule.default ?? domainModule;
  const db = await scratchDatabase('yoriai_bench_analytics');
  let node;
  try {
    await migrate(db.url);
    const ids = await seed(db.url, domain);
    node = await startNode(db.url);
    const token = await withClient(db.url, (c) => sessionToken(c, ids.organizerId));
    const a = agent(4);
    const time = async (query) => {
      const t0 = performance.now();
      const res = await postJson(`${node.url}/graphql`, { query, variables: query.includes('$p') ? { p: ids.processId } : { id: ids.proposalId } }, { headers: { authorization: `Bearer ${token}` }, agent: a });
      if (res.body.errors) throw new Error(JSON.stringify(res.body.errors).slice(0, 400));
      return performance.now() - t0;
    };
    // The floor: one SQL aggregate over the same 200,000 votes, on a fresh connection like a request would not need.
    const floor = [];
    await withClient(db.url, async (c) => {
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        await c.query(
          `SELECT r.proposal_id, v.sector, count(*) FILTER (WHERE v.choice = 'AGREE')::float / count(*) AS share, count(*)::int AS voters
             FROM vote v JOIN voting_round r ON r.id = v.round_id WHERE r.process_id = $1 GROUP BY 1, 2`,
          [ids.processId],
        );
        floor.push(performance.now() - t0);
      }
    });
    const baseline = median(floor);
    await time(FIELDS[0][2]); // warm up the server's code paths once
    const figures = [];
    for (const [id, label, query] of FIELDS) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await time(query));
      const value = median(runs);
      console.log(`  ${label}: ${value.toFixed(0)} ms (SQL floor ${baseline.toFixed(0)} ms)`);
      figures.push({ id: `analytics-${id}`, figure: `Analytics: ${label}`, unit: 'ms', value, baseline, baselineLabel: 'one SQL GROUP BY over the same 200,000 votes', ratio: value / baseline, target: 'reported', met: null, details: { runs } });
    }
    report(args, { name: 'analytics', size: SIZE, figures });
  } finally {
    await node?.stop();
    await db.drop();
  }
});
