import '../scripts/register-aliases';
import { externalDataSourceOptions } from '@amparo/database';
import {
  TEMPLATE_DATABASE_ENV,
  createDatabase,
  databaseUrl,
  dropStaleTestDatabases,
  uniqueName,
} from '@amparo/testing';
import { DataSource } from 'typeorm';

/**
 * Migrates one template database; every e2e and browser file clones it (CREATE DATABASE …
 * TEMPLATE). Both projects' setups call it in jest's one process: the second finds it made.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env[TEMPLATE_DATABASE_ENV]) return;
  await dropStaleTestDatabases();
  const name = uniqueName('amparo_template');
  await createDatabase(name);
  const dataSource = new DataSource({
    ...externalDataSourceOptions(databaseUrl(name), 1),
    logging: false,
  });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
  process.env[TEMPLATE_DATABASE_ENV] = name;
}
