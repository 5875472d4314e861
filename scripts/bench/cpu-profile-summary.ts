// Where the API's CPU went in a phase of npm run bench:cases --profile: the self time of V8's
// samples (scripts/bench/cpu-profile.js) grouped by who owns the code — an npm package, a part of
// Node, one of Amparo's libraries or apps, garbage collection — in ms per request, so that a
// change to the hot path can be aimed at what costs most and its effect read off the next run.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The owner of a sampled function: the unit its time is summed under. */
export function ownerOf({ functionName, url }: ProfileNode['callFrame']): string {
  if (!url) {
    if (functionName === '(idle)') return '(idle)';
    if (functionName.startsWith('(')) return functionName; // (garbage collector), (program)
    return 'V8 built-ins (JSON, RegExp, …)';
  }
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inPackage) return inPackage[1];
  const inNode = /^node:(?:internal\/)?([^/]+)/.exec(url);
  if (inNode) return `node:${inNode[1].replace(/\.js$/, '')}`;
  const inAmparo = /\/(libs\/[^/]+|apps\/[^/]+\/src\/[^/.]+)/.exec(url);
  if (inAmparo) return `amparo ${inAmparo[1]}`;
  return url;
}

/** Self time in ms by owner, idle left out. */
export function selfTimeByOwner(files: string[]): Map<string, number> {
  const byOwner = new Map<string, number>();
  for (const file of files) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    const owners = new Map(profile.nodes.map((node) => [node.id, ownerOf(node.callFrame)]));
    profile.samples.forEach((id, k) => {
      const owner = owners.get(id)!;
      if (owner === '(idle)') return;
      byOwner.set(owner, (byOwner.get(owner) ?? 0) + profile.timeDeltas[k] / 1000);
    });
  }
  return byOwner;
}

/** The top owners of a phase's CPU, each as ms per request and share of the busy time. */
export function formatProfile(
  label: string,
  files: string[],
  requests: number,
  top = 14,
): string[] {
  const byOwner = [...selfTimeByOwner(files)].sort((a, b) => b[1] - a[1]);
  const busy = byOwner.reduce((sum, [, ms]) => sum + ms, 0);
  const perRequest = (ms: number) => (ms / requests).toFixed(3);
  return [
    `${label}: ${perRequest(busy)} ms of sampled CPU per request (${requests} requests)`,
    ...byOwner
      .slice(0, top)
      .map(
        ([owner, ms]) =>
          `  ${owner.padEnd(44)}${perRequest(ms).padStart(7)} ms  ${((ms / busy) * 100).toFixed(1).padStart(5)} %`,
      ),
  ];
}
