// One share of the open-loop load generator of tools/bench/burst.mjs, run as a child process
// (child_process.fork): it holds its share of the socket.io clients (the guests' screens), sends its
// share of the votes at the times scheduled in advance by the parent, and reports timestamps back.
// Times are absolute milliseconds (performance.timeOrigin + performance.now()), comparable between
// the processes of this machine.
//
// Messages from the parent: { id, cmd, ...args }; each is answered with { id, result } or { id, error }.
//   connect   { group, url, namespace, items: [{ token, room }] }  — connects (100 at a time) and subscribes
//   follow    { group, from, to }     — every client of the group leaves room `from` and follows room `to`
//   reset     { group }               — forgets the tallies received so far
//   votes     { schedule: [{ at, url, body, headers }] } — sends each POST at `at` (open loop: never waits
//             for an earlier answer); answers with scheduled/sent/acknowledged times per vote and the
//             generator's own health over the sending phase (event-loop lag, CPU)
//   reach     { group, final, timeoutMs } — waits until every client of the group holds a tally with
//             total ≥ final, then answers the step function "total T → when the last client first held ≥ T"
//   close     { group }
//   rss       {}                      — this process's resident memory
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { require, rssOf, sleep } from './lib.mjs';

const { io } = require('socket.io-client');
/** The histogram records each sampling interval, so the lag is a sample minus the resolution. */
const LAG_RESOLUTION_MS = 10;
const now = () => performance.timeOrigin + performance.now();
/** group → clients; a client keeps only the tallies that raised its total: parallel arrays of (time, total). */
const groups = new Map();
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

function connectOne(url, namespace, { token, room }) {
  return new Promise((resolve, reject) => {
    const socket = io(`${url}${namespace}`, {
      path: '/socket.io',
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      ...(token ? { auth: { token } } : {}),
    });
    const client = { socket, at: [], total: [], last: -1 };
    socket.on('vote.tally', (e) => {
      const total = e?.tally?.total;
      if (typeof total !== 'number' || total <= client.last) return;
      client.last = total;
      client.at.push(now());
      client.total.push(total);
    });
    const timer = setTimeout(() => reject(new Error('connect timed out')), 60_000);
    socket.once('connect_error', (e) => (clearTimeout(timer), reject(e)));
    socket.once('connect', () =>
      socket.timeout(30_000).emit('subscribe', { room }, (err, ack) => {
        clearTimeout(timer);
        if (err || !ack?.ok) reject(err ?? new Error(`subscribe: ${JSON.stringify(ack)}`));
        else resolve(client);
      }),
    );
  });
}

async function connect({ group, url, namespace, items }) {
  const list = groups.get(group) ?? [];
  groups.set(group, list);
  const t0 = now();
  for (let i = 0; i < items.length; i += 100) list.push(...(await Promise.all(items.slice(i, i + 100).map((it) => connectOne(url, namespace, it)))));
  return { clients: list.length, ms: now() - t0 };
}

async function follow({ group, from, to }) {
  const list = groups.get(group) ?? [];
  for (let i = 0; i < list.length; i += 200) {
    await Promise.all(
      list.slice(i, i + 200).map(async (c) => {
        if (from) await c.socket.timeout(30_000).emitWithAck('unsubscribe', { room: from });
        const ack = await c.socket.timeout(30_000).emitWithAck('subscribe', { room: to });
        if (!ack?.ok) throw new Error(`subscribe ${to}: ${JSON.stringify(ack)}`);
      }),
    );
  }
  reset({ group });
  return { clients: list.length };
}

function reset({ group }) {
  for (const c of groups.get(group) ?? []) Object.assign(c, { at: [], total: [], last: -1 });
  return {};
}

function post(url, body, headers) {
  const data = Buffer.from(body);
  const u = new URL(url);
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: u.hostname,
        port: u.port,
        path: u.pathname,
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': data.length,
          ...headers,
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          // A GraphQL answer is good when it has data and no errors; the bare servers answer 200.
          const ok = res.statusCode === 200 && !/"errors"\s*:/.test(text);
          resolve(ok ? { ok } : { ok, error: `${res.statusCode} ${text.slice(0, 300)}` });
        });
      },
    );
    req.setTimeout(60_000, () => req.destroy(new Error('no answer within 60 s')));
    req.on('error', (e) => resolve({ ok: false, error: String(e.message ?? e) }));
    req.end(data);
  });
}

/** Open loop: each vote leaves at its scheduled time whatever happened to the earlier ones. */
async function votes({ schedule }) {
  const n = schedule.length;
  const sent = new Float64Array(n);
  const acked = new Float64Array(n);
  const ok = new Uint8Array(n);
  let firstError;
  let done = 0;
  const lag = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });
  const cpu0 = process.cpuUsage();
  const t0 = now();
  lag.enable();
  let allDone;
  const finished = new Promise((r) => (allDone = r));
  const fire = (k) => {
    const v = schedule[k];
    sent[k] = now();
    const legs = v.urls.map((u) => post(u, v.body, v.headers));
    void Promise.all(legs).then((answers) => {
      acked[k] = now();
      const bad = answers.find((a) => !a.ok);
      ok[k] = bad ? 0 : 1;
      if (bad) firstError ??= bad.error;
      if (++done === n) allDone();
    });
  };
  if (n === 0) allDone();
  let next = 0;
  while (next < n) {
    const t = now();
    while (next < n && schedule[next].at <= t) fire(next++);
    if (next < n) await sleep(Math.max(0, Math.min(5, schedule[next].at - now())));
  }
  await finished;
  lag.disable();
  const cpu = process.cpuUsage(cpu0);
  const wall = now() - t0;
  return {
    at: schedule.map((v) => v.at),
    sent: [...sent],
    acked: [...acked],
    ok: [...ok],
    firstError,
    generator: {
      lagP99Ms: Math.max(0, lag.percentile(99) / 1e6 - LAG_RESOLUTION_MS),
      lagMaxMs: Math.max(0, lag.max / 1e6 - LAG_RESOLUTION_MS),
      cpuPercent: ((cpu.user + cpu.system) / 1000 / wall) * 100,
      wallMs: wall,
    },
  };
}

/**
 * Waits until every client holds total ≥ final (or the timeout), then for every total T any client
 * saw: when the LAST client first held a tally with total ≥ T (null when one never did).
 */
async function reach({ group, final, timeoutMs }) {
  const list = groups.get(group) ?? [];
  const deadline = now() + timeoutMs;
  while (list.some((c) => c.last < final) && now() < deadline) await sleep(20);
  const missing = list.filter((c) => c.last < final).length;
  const totals = [...new Set(list.flatMap((c) => c.total))].sort((a, b) => a - b);
  const times = new Array(totals.length).fill(-Infinity);
  for (const c of list) {
    let j = 0;
    for (let i = 0; i < totals.length; i++) {
      while (j < c.total.length && c.total[j] < totals[i]) j++;
      const t = j < c.total.length ? c.at[j] : Infinity;
      if (t > times[i]) times[i] = t;
    }
  }
  return {
    totals,
    times: times.map((t) => (Number.isFinite(t) ? t : null)),
    missing,
    clients: list.length,
  };
}

function close({ group }) {
  for (const c of groups.get(group) ?? []) c.socket.close();
  groups.delete(group);
  return {};
}

const handlers = {
  connect,
  follow,
  reset,
  votes,
  reach,
  close,
  rss: () => ({ rss: rssOf(process.pid) }),
};
process.on('message', async (msg) => {
  try {
    process.send({ id: msg.id, result: await handlers[msg.cmd](msg) });
  } catch (e) {
    process.send({ id: msg.id, error: String(e?.stack ?? e?.message ?? e) });
  }
});
process.on('disconnect', () => process.exit(0));
