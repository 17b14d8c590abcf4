import { inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chartLayout, chartPng, chartSvg, niceCeiling, type ReportChart } from './report-chart.ts';

const chart: ReportChart = {
  caption: '2020年受理投诉按月分布',
  unit: '件',
  categories: ['1月', '2月'],
  series: [
    { name: '2020年', values: [10, 5] },
    { name: '<2019年>', values: [20, null] },
  ],
};

describe('niceCeiling', () => {
  it('rounds an axis maximum up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([0, 1, 7, 12, 20, 21, 26, 3325, 0.3].map(niceCeiling)).toEqual([1, 1, 10, 20, 20, 25, 50, 5000, 0.5]);
  });
});

describe('chartLayout', () => {
  it('puts each month’s bars side by side, heights in proportion on a 0-based axis of five steps', () => {
    const layout = chartLayout(chart);
    expect(layout.plot).toEqual({ left: 56, top: 36, width: 568, height: 232 });
    expect(layout.ticks).toEqual([0, 4, 8, 12, 16, 20]);
    expect(layout.bars).toEqual([
      { x: 99, y: 152, width: 99, height: 116, colour: '#1d4ed8' },
      { x: 198, y: 36, width: 99, height: 232, colour: '#93c5fd' },
      { x: 383, y: 210, width: 99, height: 58, colour: '#1d4ed8' },
      { x: 482, y: 268, width: 99, height: 0, colour: '#93c5fd' },
    ]);
  });

  it('keeps every bar inside the plot and the tallest at least half its height, whatever the values (a figure has at most two decimals)', () => {
    const values = fc.array(
      fc.option(
        fc.integer({ min: 0, max: 1e9 }).map((hundredths) => hundredths / 100),
        { nil: null },
      ),
      { minLength: 12, maxLength: 12 },
    );
    fc.assert(
      fc.property(values, values, (thisYear, lastYear) => {
        const months = Array.from({ length: 12 }, (_, index) => `${index + 1}月`);
        const layout = chartLayout({
          caption: '',
          unit: '',
          categories: months,
          series: [
            { name: 'a', values: thisYear },
            { name: 'b', values: lastYear },
          ],
        });
        const { plot } = layout;
        for (const bar of layout.bars) {
          expect(bar.x).toBeGreaterThanOrEqual(plot.left);
          expect(bar.x + bar.width).toBeLessThanOrEqual(plot.left + plot.width);
          expect(bar.y).toBeGreaterThanOrEqual(plot.top);
          expect(bar.y + bar.height).toBe(plot.top + plot.height);
        }
        const largest = Math.max(0, ...[...thisYear, ...lastYear].map((value) => value ?? 0));
        if (largest > 0) expect(Math.max(...layout.bars.map((bar) => bar.height))).toBeGreaterThanOrEqual(plot.height / 2 - 1);
      }),
    );
  });
});

describe('chartSvg', () => {
  it('draws the background, the bars and the legend, with months, series names and unit as escaped text', () => {
    const svg = chartSvg(chart);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="640" height="300"')).toBe(true);
    expect(svg.match(/<rect /g)).toHaveLength(1 + 4 + 2);
    expect(svg).toContain('<rect x="99" y="152" width="99" height="116" fill="#1d4ed8"/>');
    expect(svg).toContain('>1月</text>');
    expect(svg).toContain('>&lt;2019年&gt;</text>');
    expect(svg).toContain('>件</text>');
  });
});

describe('chartPng', () => {
  it('is a PNG of the layout’s size with the bars in their colours on white', () => {
    const layout = chartLayout(chart);
    const png = chartPng(layout);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([640, 300]);
    const dataLength = png.readUInt32BE(33);
    expect(png.subarray(37, 41).toString('latin1')).toBe('IDAT');
    const scanlines = inflateSync(png.subarray(41, 41 + dataLength));
    expect(scanlines.length).toBe(300 * (640 * 3 + 1));
    const pixel = (x: number, y: number) => [...scanlines.subarray(y * 1921 + 1 + x * 3, y * 1921 + 1 + x * 3 + 3)];
    expect(pixel(0, 0)).toEqual([255, 255, 255]);
    expect(pixel(120, 200)).toEqual([0x1d, 0x4e, 0xd8]);
    expect(pixel(220, 100)).toEqual([0x93, 0xc5, 0xfd]);
    expect(pixel(60, 15)).toEqual([0x1d, 0x4e, 0xd8]);
  });
});
