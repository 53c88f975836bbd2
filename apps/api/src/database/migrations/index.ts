import { MigrationInterface } from 'typeorm';
import { CreateInitialSchema1795416059775 } from './1795416059775-CreateInitialSchema';

// Explicit list (not a glob) so the same migrations run from TypeScript tests and the built server.
// Migrations are never edited after they land; add a new file and list it here.
export const MIGRATIONS: Array<new () => MigrationInterface> = [CreateInitialSchema1795416059775];
