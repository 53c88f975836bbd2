#!/usr/bin/env node
// Benchmark: the proposal page query (proposal, its versions, 200 comments with replies and
// authors, the live tally and bridging score) at 50 concurrent readers against the built server,
// p50/p99 — beside the baseline of a minimal node:http + pg server reading the same rows (proposal,
// versions, 200 comments with authors, tally GROUP BY) in the same run.
//
//   node tools/bench/read-path.mjs [--readers=50] [--seconds=10] [--no-build] [--json=<file>]
import { randomUUID } from 'node:crypto';
import { agent, build, gql, joinGuests, loadFor, main, newOrganizer, newProposal, parseArgs, postJson, report, scratchDatabase, startBaseline, startNode } from './lib.mjs';

const args = parseArgs();
const READERS = Number(args.get('readers') ?? 50);
const SECONDS = Number(args.get('seconds') ?? 10);
const STANCES = ['SUPPORT', 'CONCERN', 'QUESTION', 'NEUTRAL'];
const CHOICES = ['AGREE', 'AGREE', 'DISAGREE', 'ABSTAIN'];

export const PROPOSAL_PAGE = `query ProposalPage($id: ID!) {
  proposal(id: $id) {
    id title body status version pillarId authorSector author { displayName organization }
    kpis { indicator baseline target deadline }
    versions { version title body contentHash note createdAt }
    commentCount
    comments(first: 200) { id body stance authorSector createdAt hidden author { displayName } replyCount
      replies(first: 50) { id body stance authorSector createdAt author { displayName } } }
    currentRound { id rule ballot status threshold }
    tally { agree disagree abstain block total bySector { sector agree disagree abstain block total } }
    bridgingScore
  }
}`;

main(async () => {
  build(args);
  const db = await scratchDatabase('yoriai_bench_read');
  let node;
  let baselineServer;
  try {
    node = await startNode(db.url);
    const a = agent(READERS * 2);
    const url = node.url;
    const org = await newOrganizer(url, a);
    const proposalId = await newProposal(url, org, '読み取りベンチの提案', a);
    for (const n of [2, 3]) {
      await gql(url, 'mutation($i: AmendProposalInput!) { amendProposal(input: $i) { id } }', { i: { proposalId, body: `## 概要\n\n第${n}版の本文。${'地域の課題を解決する具体策。'.repeat(40)}`, note: `第${n}版` } }, org.token, a);
    }
    const { guests } = await joinGuests(url, org, 300, a);
    // 140 top-level comments and 60 replies = 200 comments, from 40 different people.
    const top = [];
    for (let i = 0; i < 140; i += 20) {
      top.push(
        ...(await Promise.all(
          Array.from({ length: 20 }, (_, j) =>
            gql(url, 'mutation($i: AddCommentInput!) { addComment(input: $i) { id } }', { i: { proposalId, stance: STANCES[(i + j) % 4], body: `意見 ${i + j + 1}: ${'具体的な数値目標と財源を示してほしい。'.repeat(1 + ((i + j) % 4))}`, clientRequestId: randomUUID() } }, guests[(i + j) % 40].token, a),
          ),
        )).map((d) => d.addComment.id),
      );
    }
    for (let i = 0; i < 60; i += 20) {
      await Promise.all(
        Array.from({ length: 20 }, (_, j) =>
          gql(url, 'mutation($i: AddCommentInput!) { addComment(input: $i) { id } }', { i: { proposalId, parentId: top[(i + j) % top.length], stance: 'QUESTION', body: `返信 ${i + j + 1}`, clientRequestId: randomUUID() } }, guests[40 + ((i + j) % 40)].token, a),
        ),
      );
    }
    await gql(url, 'mutation($i: OpenVotingInput!) { openVoting(input: $i) { id } }', { i: { proposalId, rule: 'CROSS_SECTOR' } }, org.token, a);
    for (let i = 0; i < guests.length; i += 50) {
      await Promise.all(guests.slice(i, i + 50).map((g, j) => gql(url, 'mutation($i: CastVoteInput!) { castVote(input: $i) { id } }', { i: { proposalId, choice: CHOICES[(i + j) % 4] } }, g.token, a)));
    }
    const page = (await gql(url, PROPOSAL_PAGE, { id: proposalId }, org.token, a)).proposal;
    const commentsShown = page.comments.length + page.comments.reduce((n, c) => n + c.replies.length, 0);
    console.log(`read path: ${page.versions.length} versions, ${commentsShown} comments, ${page.tally.total} votes; ${READERS} concurrent readers for ${SECONDS} s`);

    const body = JSON.stringify({ query: PROPOSAL_PAGE, variables: { id: proposalId } });
    const product = await loadFor({ durationMs: SECONDS * 1000, concurrency: READERS }, async (w) => {
      const res = await postJson(`${url}/graphql`, body, { headers: { authorization: `Bearer ${guests[w % guests.length].token}` }, agent: a });
      return res.status === 200 && !!res.body.data?.proposal && !res.body.errors;
    });
    console.log(`  Yoriai proposal page: p50 ${product.latency.p50.toFixed(1)} ms, p99 ${product.latency.p99.toFixed(1)} ms, ${product.perSecond.toFixed(0)} pages/s (${product.errors} errors)`);

    baselineServer = await startBaseline('read', db.url);
    const baseline = await loadFor({ durationMs: SECONDS * 1000, concurrency: READERS }, async () => {
      const res = await postJson(`${baselineServer.url}/proposal/${proposalId}`, '{}', { agent: a });
      return res.status === 200 && res.body.comments?.length === 200;
    });
    console.log(`  baseline (node:http + pg, same rows): p50 ${baseline.latency.p50.toFixed(1)} ms, p99 ${baseline.latency.p99.toFixed(1)} ms, ${baseline.perSecond.toFixed(0)} pages/s`);

    const details = { readers: READERS, versions: page.versions.length, comments: commentsShown, votes: page.tally.total, pagesPerSecond: product.perSecond, baselinePagesPerSecond: baseline.perSecond, errors: product.errors };
    report(args, {
      name: 'read-path',
      figures: [
        { id: 'read-p50', figure: `Read path: proposal page p50 at ${READERS} concurrent readers`, unit: 'ms', value: product.latency.p50, baseline: baseline.latency.p50, baselineLabel: 'node:http + pg reading the same rows', ratio: product.latency.p50 / baseline.latency.p50, target: '≤ 3× baseline p50', met: product.latency.p50 <= 3 * baseline.latency.p50, details },
        { id: 'read-p99', figure: `Read path: proposal page p99 at ${READERS} concurrent readers`, unit: 'ms', value: product.latency.p99, baseline: baseline.latency.p99, baselineLabel: 'node:http + pg reading the same rows', ratio: product.latency.p99 / baseline.latency.p99, target: 'reported (no target in the issue)', met: null, details },
      ],
    });
  } finally {
    await baselineServer?.stop();
    await node?.stop();
    await db.drop();
  }
});
