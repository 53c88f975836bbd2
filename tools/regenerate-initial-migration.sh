#!/usr/bin/env bash
# Until the first migration has landed on main, entity changes regenerate it in place.
# After that, never edit a landed migration: use `npm run migration:generate -- --name=VerbNoun`.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -f apps/api/src/database/migrations/*-CreateInitialSchema.ts
cat > apps/api/src/database/migrations/index.ts <<'TS'
import { MigrationInterface } from 'typeorm';

export const MIGRATIONS: Array<new () => MigrationInterface> = [];
TS
TS_NODE_PROJECT=apps/api/tsconfig.app.json TS_NODE_TRANSPILE_ONLY=1 node -r ts-node/register apps/api/tools/generate-migration.ts CreateInitialSchema
f=$(ls apps/api/src/database/migrations/*-CreateInitialSchema.ts)
n=$(basename "$f" .ts)
cls=$(grep -o 'class \w*' "$f" | cut -d' ' -f2)
cat > apps/api/src/database/migrations/index.ts <<TS
import { MigrationInterface } from 'typeorm';
import { $cls } from './$n';

// Explicit list (not a glob) so the same migrations run from TypeScript tests and the built server.
// Migrations are never edited after they land; add a new file and list it here.
export const MIGRATIONS: Array<new () => MigrationInterface> = [$cls];
TS
echo "regenerated $f"
