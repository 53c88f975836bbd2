import { pendingSchemaChanges } from '../src/database/pending-schema-changes';

describe('migrations', () => {
  it('leave a fresh database exactly as the entities describe it (no migration missing)', async () => {
    const changes = await pendingSchemaChanges(process.env.YORIAI_TEST_DATABASE_URL as string);
    expect(changes.up).toEqual([]);
  });
});
