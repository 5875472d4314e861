import { buildIfStale, builds } from '../../scripts/builds';
import migrateTemplateDatabase from '../global-setup';

/** The browser specs serve the built web application: build it first when its sources changed. */
export default async function globalSetup(): Promise<void> {
  const status = buildIfStale(builds.web, (line) => console.log(`\n${line}`));
  if (status !== 0)
    throw new Error(`npm run build:web failed (exit ${status}): see its output above`);
  await migrateTemplateDatabase();
}
