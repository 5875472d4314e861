import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

export interface RenderedPage {
  page: number;
  /** Where the page's PNG was written. */
  png: string;
  /** The page's text as pdf.js extracts it, whitespace collapsed. */
  text: string;
  /** Pixels within a small tolerance of each colour asked for. */
  colourPixels: Record<string, number>;
}

const SCRIPT = resolve(__dirname, 'render-pdf-pages.mjs');

/**
 * Renders every page of `pdf` to `<dir>/<prefix>-page-NN.png` with pdf.js, as a reader's PDF
 * viewer would, and returns each page's text and its pixels of the given colours (#rrggbb).
 */
export async function renderPdfPages(
  pdf: Buffer,
  dir: string,
  prefix: string,
  colours: readonly string[],
): Promise<RenderedPage[]> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${prefix}.pdf`);
  await writeFile(file, pdf);
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [SCRIPT, file, dir, prefix, colours.join(',')],
    { maxBuffer: 64 * 1024 * 1024, timeout: 60_000 },
  );
  return JSON.parse(stdout) as RenderedPage[];
}
