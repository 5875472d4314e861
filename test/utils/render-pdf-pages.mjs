// Renders every page of a PDF to PNG as a PDF viewer would (pdf.js on a @napi-rs/canvas), and
// reports each page's text and how many pixels are near each of the given colours. Run as a
// child process by test/utils/pdf-pages.ts: pdf.js is an ES module that Jest's CommonJS cannot load.
//   node render-pdf-pages.mjs <file.pdf> <output folder> <prefix> <#rrggbb,#rrggbb,...>
import { createCanvas } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import process from 'node:process';

const [file, outDir, prefix, colourList] = process.argv.slice(2);
const colours = colourList ? colourList.split(',') : [];
const rgb = colours.map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
const SCALE = 1.5;
/** Per channel: anti-aliased edges differ, a bar's inside does not. */
const TOLERANCE = 12;

const data = new Uint8Array(await readFile(file));
const pdf = await getDocument({ data, verbosity: 0, isEvalSupported: false }).promise;
await mkdir(outDir, { recursive: true });
const pages = [];
for (let n = 1; n <= pdf.numPages; n++) {
  const page = await pdf.getPage(n);
  const viewport = page.getViewport({ scale: SCALE });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvasContext: context, canvas, viewport }).promise;
  const png = join(outDir, `${prefix}-page-${String(n).padStart(2, '0')}.png`);
  await writeFile(png, await canvas.encode('png'));
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
  const counts = Object.fromEntries(colours.map((c) => [c, 0]));
  for (let p = 0; p < pixels.length; p += 4)
    rgb.forEach(([r, g, b], i) => {
      if (
        Math.abs(pixels[p] - r) <= TOLERANCE &&
        Math.abs(pixels[p + 1] - g) <= TOLERANCE &&
        Math.abs(pixels[p + 2] - b) <= TOLERANCE
      )
        counts[colours[i]]++;
    });
  const text = (await page.getTextContent()).items
    .map((item) => ('str' in item ? item.str : ''))
    .join(' ')
    .replace(/\s+/g, ' ');
  pages.push({ page: n, png, text, colourPixels: counts });
}
process.stdout.write(JSON.stringify(pages));
