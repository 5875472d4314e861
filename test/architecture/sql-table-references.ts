import ts from 'typescript';

export interface TableReference {
  readonly table: string;
  readonly line: number;
}

// A table name after the SQL words that read or write rows (DELETE FROM and INSERT INTO included),
// optionally schema-qualified or quoted. Only names of known tables count, so prose is harmless.
const TABLE_AFTER_KEYWORD =
  /\b(?:FROM|JOIN|INTO|UPDATE|TRUNCATE(?:\s+TABLE)?|LOCK(?:\s+TABLE)?)\s+(?:ONLY\s+)?(?:"?public"?\.)?"?([a-z_][a-z0-9_]*)"?/gi;

const CREATED_RELATION =
  /\bCREATE\s+(?:UNLOGGED\s+)?(?:TABLE|(?:OR\s+REPLACE\s+)?(?:MATERIALIZED\s+)?VIEW)\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:"?public"?\.)?"?([a-z_][a-z0-9_]*)"?/gi;

/** Tables and views the migrations create (CREATE TABLE / VIEW / MATERIALIZED VIEW). */
export function relationsCreatedBy(migrationSource: string): string[] {
  return [...migrationSource.matchAll(CREATED_RELATION)].map((match) => match[1].toLowerCase());
}

/**
 * The known tables a TypeScript file names in SQL: in its string and template literals (the text
 * around `${…}` holes) and in `@Entity('name')` / `@Entity({ name })` decorators.
 */
export function tablesNamedIn(
  fileName: string,
  source: string,
  knownTables: ReadonlySet<string>,
): TableReference[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: TableReference[] = [];
  const lineOf = (node: ts.Node, offset = 0) =>
    file.getLineAndCharacterOfPosition(node.getStart(file) + offset).line + 1;

  const scanSql = (node: ts.Node, text: string) => {
    for (const match of text.matchAll(TABLE_AFTER_KEYWORD)) {
      const table = match[1].toLowerCase();
      if (knownTables.has(table)) found.push({ table, line: lineOf(node, match.index) });
    }
  };
  const entityTable = (call: ts.CallExpression): ts.StringLiteral | undefined => {
    const [argument] = call.arguments;
    if (argument && ts.isStringLiteral(argument)) return argument;
    if (!argument || !ts.isObjectLiteralExpression(argument)) return undefined;
    for (const property of argument.properties) {
      if (
        ts.isPropertyAssignment(property) &&
        property.name.getText(file) === 'name' &&
        ts.isStringLiteral(property.initializer)
      ) {
        return property.initializer;
      }
    }
    return undefined;
  };

  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      scanSql(node, node.text);
    } else if (ts.isTemplateExpression(node)) {
      // Each piece of text between `${…}` holes on its own: a hole never joins two words.
      scanSql(node.head, node.head.text);
      for (const span of node.templateSpans) scanSql(span.literal, span.literal.text);
    } else if (
      ts.isDecorator(node) &&
      ts.isCallExpression(node.expression) &&
      node.expression.expression.getText(file) === 'Entity'
    ) {
      const name = entityTable(node.expression);
      if (name && knownTables.has(name.text)) found.push({ table: name.text, line: lineOf(name) });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

export interface LibFile {
  /** Relative to the repository root: libs/<lib>/src/… */
  readonly path: string;
  readonly source: string;
}

/** `path: table` for every table a lib's file names in SQL that another lib owns, sorted. */
export function crossingsIn(
  files: readonly LibFile[],
  owners: Readonly<Record<string, string>>,
): string[] {
  const known = new Set(Object.keys(owners));
  const found = new Set<string>();
  for (const { path, source } of files) {
    const lib = /^libs\/([^/]+)\//.exec(path)?.[1];
    for (const { table } of tablesNamedIn(path, source, known)) {
      if (owners[table] !== lib) found.add(`${path}: ${table}`);
    }
  }
  return [...found].sort();
}
