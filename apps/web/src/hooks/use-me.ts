import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';

export const MeQuery = graphql(`
  query Me {
    me {
      id
      displayName
      kind
      email
      organization
      locale
    }
  }
`);

/** The signed-in participant (account or guest) or null; `loading` only on the first load. */
export function useMe() {
  const { data, loading, error } = useQuery(MeQuery, { fetchPolicy: 'cache-first' });
  return { me: data?.me ?? null, loading: loading && !data, error };
}
