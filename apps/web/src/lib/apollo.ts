import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { currentLang } from './i18n';

const http = new HttpLink({ uri: '/graphql', credentials: 'same-origin' });

// The httpOnly session cookie travels by itself (the app holds no token); Accept-Language makes
// the API's error messages match the UI language.
const language = new SetContextLink((prev) => ({ headers: { ...prev.headers, 'accept-language': currentLang() } }));

export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: ApolloLink.from([language, http]),
    cache: new InMemoryCache({
      typePolicies: {
        // Value objects without ids live inside their parent.
        Tally: { keyFields: false },
        SectorTally: { keyFields: false },
        Kpi: { keyFields: false },
      },
    }),
    defaultOptions: {
      watchQuery: { fetchPolicy: 'cache-and-network' },
    },
  });
}

export interface ApiError {
  code: string;
  reason?: string;
  message: string;
}

/** The first GraphQL error of a failed operation, with its contract code (CONTRACT.md § Errors). */
export function apiError(error: unknown): ApiError | null {
  if (!error) return null;
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const ext = (first?.extensions ?? {}) as { code?: unknown; reason?: unknown };
    return {
      code: typeof ext.code === 'string' ? ext.code : 'BAD_USER_INPUT',
      reason: typeof ext.reason === 'string' ? ext.reason : undefined,
      message: first?.message ?? String(error),
    };
  }
  return { code: 'NETWORK', message: error instanceof Error ? error.message : String(error) };
}
