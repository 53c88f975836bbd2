import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed GraphQL operations for the web app. Reads the COMMITTED schema (apps/api/schema.gql),
 * never a live server, so a build is reproducible and `nx run web:codegen-check` (part of
 * `typecheck`) fails when apps/web/src/gql/ is stale. Regenerate: `nx run web:codegen`.
 */
const config: CodegenConfig = {
  schema: 'apps/api/schema.gql',
  documents: ['apps/web/src/**/*.{ts,tsx}', '!apps/web/src/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'apps/web/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        onlyOperationTypes: true,
        strictScalars: true,
        scalars: { DateTime: 'string', JSON: 'unknown' },
      },
    },
  },
};

export default config;
