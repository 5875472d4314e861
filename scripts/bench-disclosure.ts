// Times applyDisclosureControl on random tables of the sizes statistics exports produce. Run:
// NODE_OPTIONS="-r ./scripts/register-aliases.js" TS_NODE_TRANSPILE_ONLY=true \
//   npx ts-node scripts/bench-disclosure.ts [--runs N] [--k K] [--shapes 12x10,50x12x12] [--sparse]
// Counts: 20% zeros, 25% from 1 to 4, the rest from 0 to 199; with --sparse, Poisson counts of
// mean 1 scaled per first-dimension code by a factor from 0.2 to 4.5 (small posts beside busy
// ones), where most cells are small. A fixed seed per shape makes runs comparable. Prints the
// median and worst wall time and the median CPU time of the call (the machine may be shared),
// and the time to build the table. Prints figures; not a test.
import { CountTable, applyDisclosureControl } from '@amparo/statistics';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

const SHAPES = ['12x10', '6x8x4', '12x10x4', '12x12x6', '50x12x12', '200x100'];

/** mulberry32: a small seeded generator, so every run times the same tables. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uniformCounts(innerCount: number, random: () => number): number[] {
  return Array.from({ length: innerCount }, () => {
    const u = random();
    if (u < 0.2) return 0;
    if (u < 0.45) return 1 + Math.floor(random() * 4);
    return Math.floor(random() * 200);
  });
}

function sparseCounts(sizes: readonly number[], random: () => number): number[] {
  const perCode = sizes.slice(1).reduce((a, b) => a * b, 1);
  const means = Array.from({ length: sizes[0] }, () => Math.exp((random() - 0.5) * 3));
  const poisson = (mean: number) => {
    const limit = Math.exp(-mean);
    let n = 0;
    for (let p = random(); p > limit; p *= random()) n++;
    return n;
  };
  return Array.from({ length: sizes[0] * perCode }, (_, i) =>
    poisson(means[Math.floor(i / perCode)]),
  );
}

function tableOf(sizes: readonly number[], counts: readonly number[]): CountTable {
  const dimensions = sizes.map((size, d) => ({
    name: `d${d}`,
    codes: Array.from({ length: size }, (_, i) => `c${i}`),
  }));
  return CountTable.fromCounts(dimensions, counts);
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const ms = (x: number) => x.toFixed(0).padStart(6);

function main(): void {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      k: { type: 'string', default: '5' },
      shapes: { type: 'string', default: SHAPES.join(',') },
      sparse: { type: 'boolean', default: false },
    },
  });
  const runs = Number(values.runs);
  const k = Number(values.k);
  console.log(
    `applyDisclosureControl, k = ${k}, ${values.sparse ? 'sparse' : 'uniform'} counts, ` +
      `${runs} random tables per shape (times in ms)`,
  );
  for (const shape of values.shapes.split(',')) {
    const sizes = shape.split('x').map(Number);
    const random = seededRandom(sizes.reduce((a, b) => a * 31 + b, 7));
    const innerCount = sizes.reduce((a, b) => a * b, 1);
    const wall: number[] = [];
    const cpu: number[] = [];
    const build: number[] = [];
    let suppressed = 0;
    let cells = 0;
    for (let run = 0; run < runs; run++) {
      const counts = values.sparse
        ? sparseCounts(sizes, random)
        : uniformCounts(innerCount, random);
      const built = performance.now();
      const table = tableOf(sizes, counts);
      build.push(performance.now() - built);
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      const result = applyDisclosureControl(table, { k });
      wall.push(performance.now() - start);
      const { user, system } = process.cpuUsage(cpuStart);
      cpu.push((user + system) / 1000);
      cells += result.cells.length;
      suppressed += result.cells.filter((c) => c.status !== 'published').length;
    }
    console.log(
      `${shape.padEnd(9)} ${String(cells / runs).padStart(6)} cells` +
        `  wall median ${ms(median(wall))} max ${ms(Math.max(...wall))}` +
        `  cpu median ${ms(median(cpu))}  build ${ms(median(build))}` +
        `  suppressed ${((100 * suppressed) / cells).toFixed(1)}%`,
    );
  }
}

main();
