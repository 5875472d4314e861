import { existsSync } from 'node:fs';
import { AppConfig } from '../config/app-config';
import { ConfigurationError } from '../config/configuration-error';
import { loadConfig } from '../config/load-config';

/** Reads `.env` when present, validates the environment, and exits with one line per problem. */
export function readConfigOrExit(): AppConfig {
  if (existsSync('.env')) process.loadEnvFile('.env');
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    for (const problem of error.problems) console.error(`Configuration error: ${problem}`);
    process.exit(1);
  }
}
