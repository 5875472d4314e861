import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every `.ts` file under a folder, specs left out. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

// The OpenAPI document names a schema after its DTO class: two classes with one name (in two
// controllers' files) become one schema, and one route silently documents the other's body. The
// web's typed client is generated from that document, so it would type one response wrongly.
describe('OpenAPI schema names', () => {
  it('gives every request and response class of the API a name of its own', () => {
    const owners = new Map<string, string[]>();
    for (const file of sources(join(__dirname, '..'))) {
      const text = readFileSync(file, 'utf8');
      if (!text.includes('@nestjs/swagger')) continue;
      for (const [, name] of text.matchAll(/^(?:export )?(?:abstract )?class (\w+)/gm))
        owners.set(name, [...(owners.get(name) ?? []), file]);
    }
    const shared = [...owners].filter(([, files]) => files.length > 1);
    expect(shared).toEqual([]);
  });
});
