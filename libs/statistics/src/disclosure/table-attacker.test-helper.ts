import { CountTable } from './count-table';
import { DisclosureResult } from './disclosure-result';

export interface AttackOutcome {
  /** Primary cells (indices into the table's cells) that every consistent table gives their value. */
  readonly pinned: number[];
  /** Primary cells for which the search ran out of budget. */
  readonly undecided: number[];
}

export interface AttackOptions {
  /** What the attacker knows of each suppressed inner cell: 0, or 1 since zeros are published. */
  readonly lowerBound: number;
  /** Search nodes per primary cell. */
  readonly budget?: number;
}

interface Constraint {
  readonly vars: readonly number[];
  readonly target: number;
}

/**
 * Brute-force attacker, written apart from the algorithm: for each primary-suppressed cell, looks
 * for an integer table that agrees with every published cell, keeps every suppressed inner cell
 * at or above the lower bound, and gives the primary cell another value than its true one.
 */
export function attackSuppression(
  table: CountTable,
  result: DisclosureResult,
  { lowerBound, budget = 100_000 }: AttackOptions,
): AttackOutcome {
  const truth = table.innerValues;
  const isPublished = (cellIndex: number) => result.cells[cellIndex].status === 'published';
  const known = truth.map(() => false);
  table.cells.forEach((cell, i) => {
    if (cell.coordinates.every((c) => c !== null) && isPublished(i))
      known[cell.innerCells[0]] = true;
  });
  const innerOfVar = truth.flatMap((_, i) => (known[i] ? [] : [i]));
  const varOf = new Map(innerOfVar.map((inner, v) => [inner, v]));
  const trueOf = innerOfVar.map((inner) => truth[inner]);
  const split = (innerCells: readonly number[]) => ({
    vars: innerCells.filter((i) => !known[i]).map((i) => varOf.get(i)!),
    knownSum: innerCells.filter((i) => known[i]).reduce((s, i) => s + truth[i], 0),
  });

  const constraints: Constraint[] = [];
  table.cells.forEach((cell, i) => {
    if (!isPublished(i)) return;
    const { vars, knownSum } = split(cell.innerCells);
    if (vars.length > 0) constraints.push({ vars, target: cell.value - knownSum });
  });
  // A variable in no published cell is free: one step above its value is enough to show it.
  const upper = innerOfVar.map((inner, v) => {
    const bounds = constraints
      .filter((c) => c.vars.includes(v))
      .map((c) => c.target - lowerBound * (c.vars.length - 1));
    return bounds.length === 0 ? Math.max(truth[inner], lowerBound) + 1 : Math.min(...bounds);
  });

  const primaries = table.cells.flatMap((cell, i) =>
    result.cells[i].status === 'primary' ? [{ index: i, vars: split(cell.innerCells).vars }] : [],
  );
  const sumOver = (vars: readonly number[], values: readonly number[]) =>
    vars.reduce((s, v) => s + values[v], 0);
  const witnessed = new Set<number>();
  const pinned: number[] = [];
  const undecided: number[] = [];

  for (const primary of primaries) {
    if (witnessed.has(primary.index)) continue;
    const trueSum = sumOver(primary.vars, trueOf);
    const maxSum = sumOver(primary.vars, upper);
    let nodesLeft = budget;
    let outcome: number[] | 'budget' | null = null;
    // Small changes to the true table first: a witness is nearly always a few units away.
    for (const maxDeviation of [2, 6, Infinity]) {
      for (const value of valuesNear(trueSum, lowerBound * primary.vars.length, maxSum)) {
        if (value === trueSum || Math.abs(value - trueSum) > maxDeviation) continue;
        const search = new Search([...constraints, { vars: primary.vars, target: value }], {
          truth: trueOf,
          lower: lowerBound,
          upper,
          maxDeviation,
          budget: nodesLeft,
        });
        outcome = search.run();
        nodesLeft -= search.nodes;
        if (outcome !== null) break;
      }
      if (outcome !== null) break;
    }
    if (outcome === 'budget') undecided.push(primary.index);
    else if (outcome === null) pinned.push(primary.index);
    else {
      const solution = outcome;
      for (const p of primaries) {
        if (sumOver(p.vars, solution) !== sumOver(p.vars, trueOf)) witnessed.add(p.index);
      }
    }
  }
  return { pinned, undecided };
}

interface SearchLimits {
  readonly truth: readonly number[];
  readonly lower: number;
  readonly upper: readonly number[];
  /** Largest total absolute difference from the true table. */
  readonly maxDeviation: number;
  readonly budget: number;
}

/** Depth-first search over the variables, most constrained first, values nearest the truth first. */
class Search {
  nodes = 0;
  private readonly values: (number | null)[];
  private readonly byVar: number[][];
  private deviation = 0;

  constructor(
    private readonly constraints: readonly Constraint[],
    private readonly limits: SearchLimits,
  ) {
    this.values = limits.truth.map(() => null);
    this.byVar = limits.truth.map((_, v) =>
      constraints.flatMap((c, i) => (c.vars.includes(v) ? [i] : [])),
    );
  }

  run(): number[] | null | 'budget' {
    const found = this.step();
    return found === true ? this.values.map((x) => x!) : found === false ? null : 'budget';
  }

  private step(): boolean | 'budget' {
    if (++this.nodes > this.limits.budget) return 'budget';
    const slack = this.limits.maxDeviation - this.deviation;
    for (const c of this.constraints) {
      const openTruth = c.vars.reduce(
        (s, w) => (this.values[w] === null ? s + this.limits.truth[w] : s),
        0,
      );
      if (Math.abs(this.rest(c) - openTruth) > slack) return false;
    }
    let chosen = -1;
    let chosenRange: [number, number] = [0, 0];
    for (let v = 0; v < this.values.length; v++) {
      if (this.values[v] !== null) continue;
      const range = this.range(v);
      if (range[0] > range[1]) return false;
      if (chosen < 0 || range[1] - range[0] < chosenRange[1] - chosenRange[0]) {
        chosen = v;
        chosenRange = range;
      }
    }
    if (chosen < 0) return true; // every constraint met exactly: the slack check above saw rest 0
    const center = this.limits.truth[chosen];
    for (const x of valuesNear(center, chosenRange[0], chosenRange[1])) {
      if (Math.abs(x - center) > slack) break;
      this.values[chosen] = x;
      this.deviation += Math.abs(x - center);
      const found = this.step();
      this.deviation -= Math.abs(x - center);
      if (found !== false) return found;
    }
    this.values[chosen] = null;
    return false;
  }

  /** The values that `v` can take given every constraint it is in. */
  private range(v: number): [number, number] {
    const { lower, upper } = this.limits;
    let lo = lower;
    let hi = upper[v];
    for (const i of this.byVar[v]) {
      const c = this.constraints[i];
      const othersUpper = c.vars.reduce(
        (s, w) => (w !== v && this.values[w] === null ? s + upper[w] : s),
        0,
      );
      const rest = this.rest(c);
      lo = Math.max(lo, rest - othersUpper);
      hi = Math.min(hi, rest - lower * (this.open(c) - 1));
    }
    return [lo, hi];
  }

  private rest(c: Constraint): number {
    return c.vars.reduce((s, w) => s - (this.values[w] ?? 0), c.target);
  }

  private open(c: Constraint): number {
    return c.vars.filter((w) => this.values[w] === null).length;
  }
}

/** lower..upper, nearest to `center` first, so small changes to the true table come first. */
function valuesNear(center: number, lower: number, upper: number): number[] {
  const values: number[] = [];
  for (let d = 0; center - d >= lower || center + d <= upper; d++) {
    if (center - d >= lower && center - d <= upper) values.push(center - d);
    if (d > 0 && center + d <= upper && center + d >= lower) values.push(center + d);
  }
  return values;
}
