import { useQuery } from '@apollo/client/react';
import { room } from '@yoriai/realtime-contract';
import { graphql } from '../gql';
import { useLiveRoom } from './use-live-room';
import { useThrottledCallback } from './use-throttled-callback';

export const MissingVoicesQuery = graphql(`
  query MissingVoices($id: ID!, $meetingId: ID!) {
    proposal(id: $id) {
      id
      missingVoices(meetingId: $meetingId)
    }
  }
`);

/**
 * Sectors in the meeting's room that have neither commented nor voted on the proposal, as the API
 * computes them (Proposal.missingVoices), kept live: a vote or a comment can remove a sector, a
 * new arrival (meeting.state) can add one. Null until loaded.
 */
export function useMissingVoices(proposalId: string, meetingId: string) {
  const { data, refetch } = useQuery(MissingVoicesQuery, { variables: { id: proposalId, meetingId } });
  const refresh = useThrottledCallback(() => void refetch(), 1000);
  useLiveRoom(room.proposal(proposalId), {
    resync: refresh,
    'vote.tally': refresh,
    'comment.created': refresh,
    'comment.hidden': refresh,
  });
  useLiveRoom(room.meeting(meetingId), {
    resync: refresh,
    'meeting.state': refresh,
  });
  return data?.proposal?.missingVoices ?? null;
}
