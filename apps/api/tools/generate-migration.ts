/**
 * Writes a migration for the difference between the entities and a freshly migrated scratch
 * database. Usage: npm run migration:generate -- --name=VerbNoun
 * Needs PostgreSQL at DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import { runMigrations } from '../src/database/data-source';
import { pendingSchemaChanges } from '../src/database/pending-schema-changes';

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('usage: generate-migration VerbNoun');
  const admin = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const db = `yoriai_gen_${randomBytes(4).toString('hex')}`;
  const client = new Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${db}`);
  try {
    const url = new URL(admin);
    url.pathname = `/${db}`;
    await runMigrations(url.toString());
    const { up, down } = await pendingSchemaChanges(url.toString());
    if (up.length === 0) {
      console.log('entities and migrations agree: nothing to generate');
      return;
    }
    const stamp = Date.now();
    const className = `${name}${stamp}`;
    const q = (sql: string) => `    await queryRunner.query(${JSON.stringify(sql)});`;
    const file = path.join(__dirname, '../src/database/migrations', `${stamp}-${name}.ts`);
    writeFileSync(
      file,
      `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${up.map(q).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${down.map(q).join('\n')}
  }
}
`,
    );
    console.log(`wrote ${path.relative(process.cwd(), file)}; add ${className} to migrations/index.ts`);
  } finally {
    await client.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    await client.end();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
