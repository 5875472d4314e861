import '../scripts/register-aliases';
import { TEMPLATE_DATABASE_ENV, dropDatabase } from '@amparo/testing';

export default async function globalTeardown(): Promise<void> {
  const name = process.env[TEMPLATE_DATABASE_ENV];
  if (name) await dropDatabase(name);
}
