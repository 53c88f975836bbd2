import { room } from '@yoriai/realtime-contract';
import { LiveClient, quietFor, waitUntil } from '../support/live-client';
import { useLiveTestServer } from '../support/live-test-server';
import { newProcess } from '../support/process-factories';
import { newComment, newProposal } from '../support/proposal-factories';

const HEARTBEAT_MS = 300;

const beatsOf = (c: LiveClient, r: string) => c.heartbeats.filter((h) => h.room === r);

/**
 * `live.heartbeat`: every interval each node tells the sockets of every room they follow the room's
 * current seq. A screen that missed an event in a quiet room sees its last seq fall behind; a screen
 * that hears nothing at all knows its connection is broken (docs/realtime.md § 9).
 */
describe('live heartbeats', () => {
  const env = useLiveTestServer({ live: { heartbeatMs: HEARTBEAT_MS } });

  it("tells each socket, for every room it follows and no other, the room's current seq — in a quiet room too", async () => {
    const p = await newProcess(env.anon, '心拍の試験');
    const proposal = await newProposal(p.organizer.client, p);
    const [proposalRoom, processRoom] = [room.proposal(proposal.id), room.process(p.id)];
    const both = await env.connect({ token: p.organizer.client.token });
    const ackProposal = await both.subscribe(proposalRoom);
    const ackProcess = await both.subscribe(processRoom);
    expect(ackProposal).toEqual({ ok: true, seq: expect.any(Number), heartbeatMs: HEARTBEAT_MS });
    const processOnly = await env.connect({ token: p.organizer.client.token });
    await processOnly.subscribe(processRoom);
    const none = await env.connect({ token: p.organizer.client.token });

    await waitUntil(() => beatsOf(both, proposalRoom).length >= 2 && beatsOf(both, processRoom).length >= 2 && beatsOf(processOnly, processRoom).length >= 2, () => `heartbeats: ${JSON.stringify([both.heartbeats, processOnly.heartbeats])}`);
    expect(new Set(beatsOf(both, proposalRoom).map((h) => h.seq))).toEqual(new Set([ackProposal.seq]));
    expect(new Set(beatsOf(both, processRoom).map((h) => h.seq))).toEqual(new Set([ackProcess.seq]));
    // Only the rooms a socket follows (never its private participant/session rooms, never another's).
    expect(new Set(both.heartbeats.map((h) => h.room))).toEqual(new Set([proposalRoom, processRoom]));
    expect(new Set(processOnly.heartbeats.map((h) => h.room))).toEqual(new Set([processRoom]));
    expect(none.heartbeats).toEqual([]);
    await quietFor(3 * HEARTBEAT_MS);
    expect(none.heartbeats).toEqual([]);
  });

  it("carries the seq of the room's last event, so a socket that missed it sees the gap", async () => {
    const p = await newProcess(env.anon, '心拍と抜け');
    const proposal = await newProposal(p.organizer.client, p);
    const proposalRoom = room.proposal(proposal.id);
    const watcher = await env.connect({ token: p.organizer.client.token });
    const ack = await watcher.subscribe(proposalRoom);

    await newComment(p.organizer.client, proposal.id, { body: '静かな部屋の最後のコメント' });
    await waitUntil(() => watcher.of('comment.created', proposalRoom).length === 1, () => 'no comment.created');
    const event = watcher.last('comment.created', proposalRoom);
    expect(event?.seq).toBe((ack.seq as number) + 1);
    const at = Date.now();
    // A heartbeat sent after the event carries its seq: a client whose last seq is lower missed it.
    await waitUntil(() => beatsOf(watcher, proposalRoom).some((h) => h.at > at && h.seq === event?.seq), () => `heartbeats: ${JSON.stringify(beatsOf(watcher, proposalRoom))}`);
    expect(beatsOf(watcher, proposalRoom).filter((h) => h.at > at).every((h) => h.seq === event?.seq)).toBe(true);
  });

  it('stops once the socket leaves the room', async () => {
    const p = await newProcess(env.anon, '心拍の停止');
    const proposal = await newProposal(p.organizer.client, p);
    const proposalRoom = room.proposal(proposal.id);
    const watcher = await env.connect({ token: p.organizer.client.token });
    await watcher.subscribe(proposalRoom);
    await waitUntil(() => beatsOf(watcher, proposalRoom).length >= 1, () => 'no heartbeat');
    await watcher.unsubscribe(proposalRoom);
    await quietFor(HEARTBEAT_MS); // one that was already on its way may still arrive
    const after = watcher.heartbeats.length;
    await quietFor(4 * HEARTBEAT_MS);
    expect(watcher.heartbeats.length).toBe(after);
  });
});
