import { room } from '@yoriai/realtime-contract';
import { GqlClient } from '../support/graphql-client';
import { LiveClient, waitUntil } from '../support/live-client';
import { useLiveTestServer } from '../support/live-test-server';
import { newMember, newProcess } from '../support/process-factories';
import { newComment, newProposal } from '../support/proposal-factories';
import { startTestServer } from '../support/test-app';

const COMMENTS = 'query($id: ID!) { proposal(id: $id) { comments { id body } } }';

/** Cuts the connection the way a network does (the client did not say goodbye). */
function cutNetwork(client: LiveClient): Promise<void> {
  return new Promise((resolve) => {
    client.socket.once('disconnect', () => resolve());
    client.socket.io.engine.close();
  });
}

describe('reconnecting clients get the current state', () => {
  const env = useLiveTestServer();

  it('with connection-state recovery: the rooms are kept and the events missed while away are replayed in order', async () => {
    const p = await newProcess(env.anon);
    const proposal = await newProposal(p.organizer.client, p);
    const member = await newMember(env.anon, p, 'PARTICIPANT', 'MEDIA');
    const client = await env.connect({ token: member.client.token });
    await client.subscribe(room.proposal(proposal.id));
    const before = await newComment(p.organizer.client, proposal.id, { body: '切断前のコメント' });
    await waitUntil(() => client.of('comment.created').length === 1, () => 'first comment not received');

    await cutNetwork(client);
    const missed = [await newComment(p.organizer.client, proposal.id, { body: '不在中のコメント①' }), await newComment(p.organizer.client, proposal.id, { body: '不在中のコメント②' })];
    await client.connect();
    expect(client.socket.recovered).toBe(true);
    await waitUntil(() => client.of('comment.created').length === 3, () => `got ${client.of('comment.created').length} comments`);
    expect(client.of('comment.created').map((e) => e.comment.id)).toEqual([before.id, ...missed.map((c) => c.id)]);
    // Still in the room without subscribing again.
    const after = await newComment(p.organizer.client, proposal.id, { body: '再接続後のコメント' });
    await waitUntil(() => client.of('comment.created').length === 4, () => 'comment after recovery not received');
    expect(client.last('comment.created')?.comment.id).toBe(after.id);
    const seqs = client.of('comment.created').map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0] + i));
  });

  it('without recovery: the client resubscribes, sees from the ack seq that it missed events, and a GraphQL refetch gives the truth', async () => {
    const p = await newProcess(env.anon);
    const proposal = await newProposal(p.organizer.client, p);
    const member = await newMember(env.anon, p, 'PARTICIPANT', 'CITIZEN');
    const client = await env.connect({ token: member.client.token });
    client.autoResubscribe = false; // the steps are taken by hand below
    await client.subscribe(room.proposal(proposal.id));
    await newComment(p.organizer.client, proposal.id, { body: '最初のコメント' });
    await waitUntil(() => client.of('comment.created').length === 1, () => 'first comment not received');
    const lastSeen = client.last('comment.created')?.seq as number;

    // A deliberate disconnect (or an absence longer than 2 minutes) ends the session: no recovery.
    client.socket.disconnect();
    const missed = [await newComment(p.organizer.client, proposal.id, { body: '見逃したコメント①' }), await newComment(p.organizer.client, proposal.id, { body: '見逃したコメント②' })];
    await client.connect();
    expect(client.socket.recovered).toBe(false);
    const ack = await client.subscribe(room.proposal(proposal.id));
    expect(ack.ok).toBe(true);
    expect(ack.seq).toBe(lastSeen + 2); // two events happened since: refetch
    const refetched = await member.client.ok<{ proposal: { comments: { id: string; body: string }[] } }>(COMMENTS, { id: proposal.id });
    expect(refetched.proposal.comments.map((c) => c.body)).toEqual(['最初のコメント', '見逃したコメント①', '見逃したコメント②']);
    expect(refetched.proposal.comments.slice(1).map((c) => c.id)).toEqual(missed.map((c) => c.id));
    // From now on the events continue right after the ack's seq.
    await newComment(p.organizer.client, proposal.id, { body: '再購読後のコメント' });
    await waitUntil(() => client.of('comment.created').length === 2, () => 'comment after resubscribe not received');
    expect(client.last('comment.created')?.seq).toBe((ack.seq as number) + 1);
  });

  it('reconnects on its own after a network cut and keeps receiving (recovered, or resubscribed when recovery failed)', async () => {
    const p = await newProcess(env.anon);
    const proposal = await newProposal(p.organizer.client, p);
    const client = await env.connect({ token: p.organizer.client.token, reconnection: true });
    await client.subscribe(room.proposal(proposal.id));
    const reconnected = new Promise<void>((resolve) => client.socket.io.once('reconnect', () => resolve()));
    client.socket.io.engine.close();
    await reconnected;
    await waitUntil(() => client.socket.connected && client.reconnections.length === 1, () => 'not reconnected');
    const [again] = client.reconnections;
    if (!again.recovered) await waitUntil(() => again.resubscribed.length === 1, () => 'not resubscribed');
    await newComment(p.organizer.client, proposal.id, { body: '自動再接続の後' });
    await waitUntil(() => client.of('comment.created').length === 1, () => 'no comment after automatic reconnection');
  });

  it('closes its sockets when the server shuts down, so clients reconnect elsewhere ("transport close", not a kick)', async () => {
    const other = await startTestServer();
    const p = await newProcess(new GqlClient(other.url));
    const client = await new LiveClient(other.url, { token: p.organizer.client.token }).connect();
    env.track(client);
    const reason = new Promise<string>((resolve) => client.socket.once('disconnect', (r) => resolve(r)));
    await other.close();
    expect(await reason).toBe('transport close');
  });
});
