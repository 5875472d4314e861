export interface Build {
  name: string;
  output: string;
  inputs: string[];
  command: [string, string[]];
  env?: Record<string, string>;
}

export const builds: { api: Build; worker: Build; web: Build };

export function buildIfStale(build: Build, log?: (line: string) => void): number;
