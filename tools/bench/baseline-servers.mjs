#!/usr/bin/env node
// The baselines the benchmarks compare Yoriai with, run as child processes of the benchmark on a
// loopback port (prints "READY <port>"): the least code that does the same database work.
//
//   node tools/bench/baseline-servers.mjs vote <databaseUrl>   — POST /vote: one upsert through pg
//       on a table of the vote table's shape (bench_vote: LIKE vote INCLUDING ALL, so the same columns
//       and indexes), pool of 20 like the API; no auth, no GraphQL, no audit, no event.
//   node tools/bench/baseline-servers.mjs read <databaseUrl>   — GET /proposal/:id: the proposal page's
//       rows (proposal, versions, 200 comments with authors, tally GROUP BY) with plain pg, as JSON.
//   node tools/bench/baseline-servers.mjs socket               — a bare socket.io server: clients join
//       room "r"; POST /vote answers and broadcasts {total} to the room at once (no coalescing, no
//       database): the fan-out floor of this machine.
import http from 'node:http';
import { require } from './lib.mjs';

const [kind, databaseUrl] = process.argv.slice(2);

function body(req) {
  return new Promise((resolve) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function listen(server) {
  server.listen(0, '127.0.0.1', () => process.stdout.write(`READY ${server.address().port}\n`));
}

if (kind === 'vote') {
  const { Pool } = require('pg');
  const pool = new Pool({ connectionString: databaseUrl, max: 20 });
  const UPSERT = {
    name: 'baseline_upsert',
    text: `INSERT INTO bench_vote (round_id, participant_id, sector, choice, reason, proxy, event_id)
           VALUES ($1, $2, $3, $4, $5, false, nextval('bench_vote_event'))
           ON CONFLICT (round_id, participant_id) DO UPDATE SET choice = EXCLUDED.choice, reason = EXCLUDED.reason, event_id = EXCLUDED.event_id, updated_at = now()
           RETURNING id`,
  };
  listen(
    http.createServer(async (req, res) => {
      try {
        const v = JSON.parse(await body(req));
        const r = await pool.query({ ...UPSERT, values: [v.roundId, v.participantId, v.sector, v.choice, v.reason ?? null] });
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: r.rows[0].id }));
      } catch (e) {
        res.writeHead(500).end(JSON.stringify({ error: String(e) }));
      }
    }),
  );
} else if (kind === 'read') {
  const { Pool } = require('pg');
  const pool = new Pool({ connectionString: databaseUrl, max: 20 });
  listen(
    http.createServer(async (req, res) => {
      try {
        const id = req.url.split('/').pop();
        const [proposal, versions, comments, tally] = await Promise.all([
          pool.query('SELECT id, title, body, kpis, status, version FROM proposal WHERE id = $1', [id]),
          pool.query('SELECT version, title, body, content_hash, created_at FROM proposal_version WHERE proposal_id = $1 ORDER BY version', [id]),
          pool.query(
            `SELECT c.id, c.parent_id, c.stance, c.body, c.sector, c.created_at, p.display_name FROM comment c JOIN participant p ON p.id = c.author_id
              WHERE c.proposal_id = $1 ORDER BY c.created_at LIMIT 200`,
            [id],
          ),
          pool.query(
            `SELECT v.sector, v.choice, count(*)::int AS n FROM vote v JOIN voting_round r ON r.id = v.round_id
              WHERE r.proposal_id = $1 AND r.status = 'OPEN' GROUP BY 1, 2`,
            [id],
          ),
        ]);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ proposal: proposal.rows[0], versions: versions.rows, comments: comments.rows, tally: tally.rows }));
      } catch (e) {
        res.writeHead(500).end(JSON.stringify({ error: String(e) }));
      }
    }),
  );
} else if (kind === 'socket') {
  const { Server } = require('socket.io');
  let total = 0;
  const server = http.createServer(async (req, res) => {
    if (req.method === 'POST' && req.url === '/vote') {
      await body(req);
      total++;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, total }));
      io.to('r').emit('vote.tally', { room: 'r', seq: total, tally: { total } });
      return;
    }
    res.writeHead(404).end();
  });
  // The same transport settings as the product (RELIABILITY.md): WebSocket only, no compression.
  const io = new Server(server, { transports: ['websocket'], perMessageDeflate: false, maxHttpBufferSize: 16 * 1024 });
  io.of('/').on('connection', (socket) => {
    socket.on('subscribe', (_msg, ack) => {
      socket.join('r');
      ack?.({ ok: true, seq: total });
    });
  });
  listen(server);
} else {
  console.error('usage: baseline-servers.mjs vote|read <databaseUrl> | socket');
  process.exit(2);
}
