import { inflateSync } from 'node:zlib';

/** Windows-1252 bytes 0x80–0x9F that differ from Latin-1 (standard PDF fonts use WinAnsi). */
const WIN_ANSI: Record<number, string> = {
  0x80: '€',
  0x85: '…',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
};

/**
 * The text of a PDF written by pdfkit with its standard fonts: each content stream inflated, the
 * hex strings of its text operators decoded, one text object per line, whitespace collapsed (a
 * wrapped line reads on). Enough to assert what a generated letter says, not a general PDF reader.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  const streams = /stream\r?\n([\s\S]*?)\r?\nendstream/g;
  for (let match = streams.exec(raw); match; match = streams.exec(raw)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1], 'latin1')).toString('latin1');
    } catch {
      content = match[1];
    }
    for (const block of content.split(/\bBT\b/).slice(1)) {
      const text = [...block.split(/\bET\b/)[0].matchAll(/<([0-9a-fA-F]*)>/g)]
        .map(([, hex]) =>
          [...Buffer.from(hex, 'hex')].map((b) => WIN_ANSI[b] ?? String.fromCharCode(b)).join(''),
        )
        .join('');
      if (text) lines.push(text);
    }
  }
  return lines.join(' ').replace(/\s+/g, ' ');
}
