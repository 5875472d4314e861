import { DataSource } from 'typeorm';
import { join } from 'node:path';
import { externalDataSourceOptions } from './data-source-options';

// Used only by the TypeORM CLI (npm run migration:*), which needs a real server.
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is required for migration commands: expected a postgres:// URL');
  process.exit(1);
}

export default new DataSource({
  ...externalDataSourceOptions(url, 2),
  entities: [join(__dirname, '../../*/src/**/*.entity.{ts,js}')],
});
