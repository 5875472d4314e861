import ts from 'typescript';

export interface TableReference {
  readonly table: string;
  readonly line: number;
}

// A table name after the SQL words that read or write rows (DELETE FROM and INSERT INTO included),
// optionally schema-qualified or quoted. Only names of known tables count, so prose is harmless.
const TABLE_AFTER_KEYWORD =
  /\b(?:FROM|JOIN|INTO|UPDATE|TRUNCATE(?:\s+TABLE)?|LOCK(?:\s+TABLE)?)\s+(?:ONLY\s+)?(?:"?public"?\.)?"?([a-z_][a-z0-9_]*)"?/gi;

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

/**
 * `path: table` for every relation a lib's file names in SQL although it may not, sorted.
 * `mayName` gives, per relation, the lib (its owner) or the libs (owner and readers of a published
 * view) whose SQL may name it.
 */
export function crossingsIn(
  files: readonly LibFile[],
  mayName: Readonly<Record<string, string | readonly string[]>>,
): string[] {
  const known = new Set(Object.keys(mayName));
  const found = new Set<string>();
  for (const { path, source } of files) {
    const lib = /^libs\/([^/]+)\//.exec(path)?.[1] ?? '';
    for (const { table } of tablesNamedIn(path, source, known)) {
      if (![mayName[table]].flat().includes(lib)) found.add(`${path}: ${table}`);
    }
  }
  return [...found].sort();
}
