import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

const ProposalTitleQuery = graphql(`
  query ProposalTitle($id: ID!) {
    proposal(id: $id) {
      id
      title
      status
    }
  }
`);

/** A tab label: the proposal's title (its number until loaded). */
export function ItemProposalTitles({ id, index }: { id: string; index: number }) {
  const { data } = useQuery(ProposalTitleQuery, { variables: { id }, fetchPolicy: 'cache-first' });
  return <>{data?.proposal?.title ?? `#${index + 1}`}</>;
}
