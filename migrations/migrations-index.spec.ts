import { readdirSync } from 'node:fs';
import { MIGRATIONS } from './index';

describe('migrations/index.ts', () => {
  it('lists every migration file of the folder, in timestamp order', () => {
    const files = readdirSync(__dirname).filter(
      (f) => /^\d{13}-.+\.ts$/.test(f) && !f.endsWith('.spec.ts'),
    );
    const timestamps = files.map((f) => f.slice(0, 13)).sort();
    expect(MIGRATIONS.map((m) => m.name.slice(-13))).toEqual(timestamps);
  });
});
