import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source';

export interface SchemaChanges {
  up: string[];
  down: string[];
}

/** SQL that would bring a (migrated) database in line with the entities; empty when in sync. */
export async function pendingSchemaChanges(url: string): Promise<SchemaChanges> {
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  try {
    const log = await ds.driver.createSchemaBuilder().log();
    return {
      up: log.upQueries.map((q) => q.query),
      down: log.downQueries.map((q) => q.query).reverse(),
    };
  } finally {
    await ds.destroy();
  }
}
