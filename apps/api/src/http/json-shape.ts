/**
 * Limits on the shape of a JSON body. A body under the size limit can still be expensive: a flat
 * array of 400,000 numbers or an object of 50,000 keys makes validation walk (and report) every
 * element, and deep nesting overflows recursive walkers. These are checked before JSON.parse.
 */
export interface JsonShapeLimits {
  /** Containers nested inside one another, the top-level object counting as 1. */
  maxDepth: number;
  /** Keys of any one object. */
  maxKeys: number;
  /** Elements of any one array. */
  maxItems: number;
  /** Values of the whole document (objects, arrays, strings, numbers, literals). */
  maxNodes: number;
  /** Characters of any key, escapes counted as written. */
  maxKeyLength: number;
}

export type JsonShapeBreach = { limit: keyof JsonShapeLimits; max: number };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

/**
 * One linear pass over the text that counts depth, keys, items and values, and stops at the first
 * limit exceeded: its cost is bounded by the body size and it allocates nothing per value. It does
 * not check the syntax (JSON.parse does, after it); on malformed text its counts may be off, which
 * only decides which of two 400s the client gets.
 */
export function scanJsonShape(text: string, limits: JsonShapeLimits): JsonShapeBreach | undefined {
  // Per open container: how many keys or items it has so far (-1 while it is still empty).
  const counts: number[] = [];
  const isObject: boolean[] = [];
  let nodes = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
      i = nextSignificantIndex(text, i);
      continue;
    }
    if (c === QUOTE) {
      const start = i;
      i = closingQuote(text, i);
      const depth = counts.length;
      // A string right after `{` or `,` inside an object is a key (its colon follows it).
      if (depth && isObject[depth - 1] && nextSignificant(text, i + 1) === COLON) {
        if (i - start - 1 > limits.maxKeyLength)
          return { limit: 'maxKeyLength', max: limits.maxKeyLength };
      } else if (++nodes > limits.maxNodes) return { limit: 'maxNodes', max: limits.maxNodes };
      i++;
      continue;
    }
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++nodes > limits.maxNodes) return { limit: 'maxNodes', max: limits.maxNodes };
      if (counts.length >= limits.maxDepth) return { limit: 'maxDepth', max: limits.maxDepth };
      const empty =
        nextSignificant(text, i + 1) === (c === OPEN_OBJECT ? CLOSE_OBJECT : CLOSE_ARRAY);
      if (!empty && c === OPEN_ARRAY && limits.maxItems < 1)
        return { limit: 'maxItems', max: limits.maxItems };
      counts.push(empty ? 0 : 1);
      isObject.push(c === OPEN_OBJECT);
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      counts.pop();
      isObject.pop();
    } else if (c === COMMA && counts.length) {
      const depth = counts.length - 1;
      const count = ++counts[depth];
      if (isObject[depth] && count > limits.maxKeys)
        return { limit: 'maxKeys', max: limits.maxKeys };
      if (!isObject[depth] && count > limits.maxItems)
        return { limit: 'maxItems', max: limits.maxItems };
    } else if (isScalarStart(c)) {
      if (++nodes > limits.maxNodes) return { limit: 'maxNodes', max: limits.maxNodes };
      // Skip the rest of the number or literal: it holds no structure.
      SCALAR_END.lastIndex = i + 1;
      i = SCALAR_END.exec(text)?.index ?? n;
      continue;
    }
    i++;
  }
  return undefined;
}

/**
 * Where the string opened at `open` closes (or the end of the text). indexOf is native and fast on
 * long strings, where a character loop in JavaScript is not until the JIT has warmed up.
 */
function closingQuote(text: string, open: number): number {
  let quote = text.indexOf('"', open + 1);
  while (quote !== -1) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote;
    quote = text.indexOf('"', quote + 1);
  }
  return text.length;
}

// Skipped with native regular expressions: a JavaScript loop over a megabyte of spaces or digits
// is slow until the JIT has warmed up.
const SIGNIFICANT = /[^ \t\r\n]/g;
const SCALAR_END = /[^0-9a-zA-Z.+-]/g;

// V8 interprets a regular expression the first time it runs and compiles it after: run them now.
for (const pattern of [SIGNIFICANT, SCALAR_END]) {
  for (let round = 0; round < 3; round++) pattern.exec(' 1 1,');
  pattern.lastIndex = 0;
}

function nextSignificantIndex(text: string, from: number): number {
  SIGNIFICANT.lastIndex = from;
  return SIGNIFICANT.exec(text)?.index ?? text.length;
}

function nextSignificant(text: string, from: number): number {
  const index = nextSignificantIndex(text, from);
  return index < text.length ? text.charCodeAt(index) : -1;
}

// Digits, minus, and the first letters of true, false, null.
function isScalarStart(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x74 || c === 0x66 || c === 0x6e;
}
