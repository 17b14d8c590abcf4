import { crc32, deflateSync } from 'node:zlib';
import { escapeHtml } from '../public-html/html.ts';

/** A chart of the annual report: one figure month by month, the year against the year before, as grouped bars. */
export interface ReportChart {
  caption: string;
  unit: string;
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
  colour: string;
}

export interface ChartLayout {
  width: number;
  height: number;
  plot: { left: number; top: number; width: number; height: number };
  /** The axis values of the horizontal grid lines, from 0 to the axis maximum. */
  ticks: number[];
  bars: Rect[];
  /** The swatch of each series in the legend, left to right above the plot. */
  legend: Rect[];
}

/** This year dark, the year before light: the colours of the web app's trend charts. */
export const seriesColours = ['#1d4ed8', '#93c5fd'];
const gridColour = '#e2e8f0';
const textColour = '#475569';

/** The smallest of 1, 2, 2.5, 5 × 10ⁿ that is at least `value` (an axis maximum a person reads at a glance). */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= value - 1e-9) return step * magnitude;
  return 10 * magnitude;
}

/** Where every bar goes: a group per category, a bar per series, heights on a 0-based axis of five steps. */
export function chartLayout(chart: ReportChart, width = 640, height = 300): ChartLayout {
  const plot = { left: 56, top: 36, width: width - 56 - 16, height: height - 36 - 32 };
  const largest = Math.max(0, ...chart.series.flatMap((series) => series.values.map((value) => value ?? 0)));
  const axisMax = niceCeiling(largest);
  const ticks = Array.from({ length: 6 }, (_, index) => (axisMax * index) / 5);
  const groupWidth = plot.width / Math.max(chart.categories.length, 1);
  const barWidth = Math.floor((groupWidth * 0.7) / Math.max(chart.series.length, 1));
  const bars: Rect[] = [];
  chart.categories.forEach((_, category) => {
    const groupLeft = plot.left + category * groupWidth + (groupWidth - barWidth * chart.series.length) / 2;
    chart.series.forEach((series, index) => {
      const value = series.values[category] ?? 0;
      const barHeight = Math.round((value / axisMax) * plot.height);
      bars.push({
        x: Math.round(groupLeft + index * barWidth),
        y: plot.top + plot.height - barHeight,
        width: barWidth,
        height: barHeight,
        colour: seriesColours[index % seriesColours.length] as string,
      });
    });
  });
  const legend = chart.series.map((_, index) => ({
    x: plot.left + index * 140,
    y: 10,
    width: 14,
    height: 14,
    colour: seriesColours[index % seriesColours.length] as string,
  }));
  return { width, height, plot, ticks, bars, legend };
}

const formatTick = (value: number) => (Number.isInteger(value) ? value.toLocaleString('zh-CN') : value.toFixed(1));

/** The chart as SVG: the image a word processor shows, with its text (legend, months, axis) as text. */
export function chartSvg(chart: ReportChart, layout: ChartLayout = chartLayout(chart)): string {
  const { plot } = layout;
  const axisMax = layout.ticks.at(-1) ?? 1;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" font-family="SimSun, 'Noto Sans CJK SC', sans-serif" font-size="12">`,
    `<rect width="${layout.width}" height="${layout.height}" fill="#ffffff"/>`,
  ];
  for (const tick of layout.ticks) {
    const y = plot.top + plot.height - Math.round((tick / axisMax) * plot.height);
    parts.push(`<line x1="${plot.left}" y1="${y}" x2="${plot.left + plot.width}" y2="${y}" stroke="${gridColour}"/>`);
    parts.push(`<text x="${plot.left - 6}" y="${y + 4}" text-anchor="end" fill="${textColour}">${formatTick(tick)}</text>`);
  }
  for (const bar of layout.bars) {
    parts.push(`<rect x="${bar.x}" y="${bar.y}" width="${bar.width}" height="${bar.height}" fill="${bar.colour}"/>`);
  }
  const groupWidth = plot.width / Math.max(chart.categories.length, 1);
  chart.categories.forEach((category, index) => {
    const x = Math.round(plot.left + index * groupWidth + groupWidth / 2);
    parts.push(
      `<text x="${x}" y="${plot.top + plot.height + 18}" text-anchor="middle" fill="${textColour}">${escapeHtml(category)}</text>`,
    );
  });
  chart.series.forEach((series, index) => {
    const swatch = layout.legend[index];
    if (!swatch) return;
    parts.push(`<rect x="${swatch.x}" y="${swatch.y}" width="${swatch.width}" height="${swatch.height}" fill="${swatch.colour}"/>`);
    parts.push(`<text x="${swatch.x + 20}" y="${swatch.y + 12}" fill="${textColour}">${escapeHtml(series.name)}</text>`);
  });
  parts.push(`<text x="${layout.width - 16}" y="22" text-anchor="end" fill="${textColour}">${escapeHtml(chart.unit)}</text>`);
  parts.push('</svg>');
  return parts.join('');
}

const rgb = (hex: string) => [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16)) as [number, number, number];

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, checksum]);
}

/**
 * The same chart as PNG, for word processors that do not show SVG (docx requires one): grid lines, bars and the
 * legend's swatches, without text — drawing text would need a font on the server; the SVG carries it.
 */
export function chartPng(layout: ChartLayout): Buffer {
  const { width, height, plot } = layout;
  const pixels = Buffer.alloc(width * height * 3, 0xff);
  const fill = (rect: Omit<Rect, 'colour'>, colour: string) => {
    const [r, g, b] = rgb(colour);
    for (let y = Math.max(0, rect.y); y < Math.min(height, rect.y + rect.height); y++) {
      for (let x = Math.max(0, rect.x); x < Math.min(width, rect.x + rect.width); x++) {
        const offset = (y * width + x) * 3;
        pixels[offset] = r;
        pixels[offset + 1] = g;
        pixels[offset + 2] = b;
      }
    }
  };
  const axisMax = layout.ticks.at(-1) ?? 1;
  for (const tick of layout.ticks) {
    fill(
      { x: plot.left, y: plot.top + plot.height - Math.round((tick / axisMax) * plot.height), width: plot.width, height: 1 },
      gridColour,
    );
  }
  for (const rect of [...layout.bars, ...layout.legend]) fill(rect, rect.colour);
  // Each scanline starts with its filter type (0: none).
  const scanlines = Buffer.alloc(height * (width * 3 + 1));
  for (let y = 0; y < height; y++) pixels.copy(scanlines, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(scanlines)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
