import { ReportChart, ReportLanguage } from './regional-report-content';

type Pdf = PDFKit.PDFDocument;

/**
 * Okabe–Ito: told apart with every common colour-vision deficiency, and in greyscale print by the
 * order of the bars. The yellow comes last: it is faint on white.
 */
export const CHART_PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#D55E00',
  '#56B4E9',
  '#CC79A7',
  '#000000',
  '#F0E442',
];

/**
 * Series beyond the palette (eleven member countries, sixteen categories) get its colours again
 * as a pale fill inside an outline of the full colour, so no two series look alike.
 */
function seriesStyle(doc: Pdf, index: number): void {
  const colour = CHART_PALETTE[index % CHART_PALETTE.length];
  if (index < CHART_PALETTE.length) doc.fillColor(colour);
  else doc.fillColor(tint(colour)).strokeColor(colour).lineWidth(0.8);
}

function paint(doc: Pdf, index: number): void {
  if (index < CHART_PALETTE.length) doc.fill();
  else doc.fillAndStroke();
}

/** The colour mixed with two parts of white: opaque, so it prints and renders the same everywhere. */
function tint(hex: string): string {
  const mix = [1, 3, 5].map((i) =>
    Math.round(parseInt(hex.slice(i, i + 2), 16) / 3 + (255 * 2) / 3),
  );
  return `#${mix.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

const AXIS = '#444444';
const GRID = '#DDDDDD';
const SUPPRESSED = '#888888';

/**
 * A grouped bar chart drawn with pdfkit's own paths at (x, y), `width` wide: axes with their
 * titles, gridlines, a group per category and a bar per series, the legend under it. A suppressed
 * value is a gap with a grey "x" on the axis, never a bar of height 0. Returns the height used.
 */
export function drawBarChart(
  doc: Pdf,
  chart: ReportChart,
  language: ReportLanguage,
  at: { x: number; y: number; width: number; height: number },
): number {
  const plot = {
    left: at.x + 44,
    top: at.y + 8,
    right: at.x + at.width - 4,
    bottom: at.y + at.height - 46,
  };
  const values = chart.series.flatMap((s) => s.values.map((v) => v.value ?? 0));
  const { max, step } = niceScale(Math.max(0, ...values));

  doc.save();
  doc.font('Helvetica').fontSize(7).fillColor(AXIS);
  for (let tick = 0; tick <= max; tick += step) {
    const y = plot.bottom - (tick / max) * (plot.bottom - plot.top);
    doc.moveTo(plot.left, y).lineTo(plot.right, y).lineWidth(0.5).strokeColor(GRID).stroke();
    doc.text(formatTick(tick, language), at.x, y - 3, {
      width: 40,
      align: 'right',
      lineBreak: false,
    });
  }
  doc.moveTo(plot.left, plot.top).lineTo(plot.left, plot.bottom).lineTo(plot.right, plot.bottom);
  doc.lineWidth(0.8).strokeColor(AXIS).stroke();

  const groups = chart.categories.length;
  const groupWidth = (plot.right - plot.left) / Math.max(1, groups);
  const series = chart.series.length;
  const barWidth = Math.min(28, (groupWidth * 0.8) / Math.max(1, series));
  const groupPadding = (groupWidth - barWidth * series) / 2;
  chart.categories.forEach((category, g) => {
    const groupLeft = plot.left + g * groupWidth;
    chart.series.forEach((s, i) => {
      const value = s.values[g];
      const x = groupLeft + groupPadding + i * barWidth;
      if (value.suppressed || value.value === null) {
        doc.fillColor(SUPPRESSED).fontSize(7);
        doc.text('x', x, plot.bottom - 9, { width: barWidth, align: 'center', lineBreak: false });
        return;
      }
      const height = (value.value / max) * (plot.bottom - plot.top);
      if (height <= 0) return;
      seriesStyle(doc.rect(x + 0.5, plot.bottom - height, Math.max(1, barWidth - 1), height), i);
      paint(doc, i);
    });
    doc.fillColor(AXIS).fontSize(7);
    doc.text(category[language], groupLeft + 1, plot.bottom + 3, {
      width: groupWidth - 2,
      align: 'center',
      height: 18,
      ellipsis: true,
    });
  });

  doc.fontSize(8).fillColor(AXIS);
  doc.text(chart.xAxis[language], plot.left, plot.bottom + 22, {
    width: plot.right - plot.left,
    align: 'center',
    lineBreak: false,
  });
  const middle = (plot.top + plot.bottom) / 2;
  doc.save();
  doc.rotate(-90, { origin: [at.x + 6, middle] });
  doc.text(chart.yAxis[language], at.x + 6 - 100, middle - 4, {
    width: 200,
    align: 'center',
    lineBreak: false,
  });
  doc.restore();

  const legendTop = plot.bottom + 34;
  const legendHeight = drawLegend(
    doc,
    chart,
    language,
    plot.left,
    legendTop,
    plot.right - plot.left,
  );
  doc.restore();
  return legendTop + legendHeight - at.y;
}

function drawLegend(
  doc: Pdf,
  chart: ReportChart,
  language: ReportLanguage,
  left: number,
  top: number,
  width: number,
): number {
  doc.fontSize(7.5);
  let x = left;
  let y = top;
  chart.series.forEach((s, i) => {
    const label = s.label[language];
    const itemWidth = 14 + doc.widthOfString(label) + 12;
    if (x + itemWidth > left + width && x > left) {
      x = left;
      y += 12;
    }
    seriesStyle(doc.rect(x + 0.5, y + 0.5, 8, 8), i);
    paint(doc, i);
    doc.fillColor(AXIS).text(label, x + 13, y + 1, { lineBreak: false });
    x += itemWidth;
  });
  return y - top + 12;
}

/** A round maximum and tick step, so the axis reads 0, 5, 10… rather than 0, 7.3, 14.6… */
export function niceScale(maximum: number): { max: number; step: number } {
  if (maximum <= 0) return { max: 5, step: 1 };
  const rough = maximum / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough)!;
  return { max: Math.ceil(maximum / step) * step, step };
}

function formatTick(value: number, language: ReportLanguage): string {
  return new Intl.NumberFormat(language === 'es' ? 'es' : 'en').format(value);
}
