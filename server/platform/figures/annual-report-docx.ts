import { AlignmentType, Document, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { AnnualReportView } from './figures.schemas.ts';
import { chartLayout, chartPng, chartSvg } from './report-chart.ts';

const font = 'SimSun';
const run = (text: string, options: { bold?: boolean; size?: number; isPlaceholder?: boolean } = {}) =>
  new TextRun({
    text,
    font,
    bold: options.bold,
    size: options.size ?? 28,
    // A number the platform has no source for: highlighted so the office sees it must be filled in.
    ...(options.isPlaceholder ? { highlight: 'yellow' as const } : {}),
  });

const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [run(text, { bold, size: 21 })] })] });

const formatNumber = (value: number | null) => (value === null ? '—' : value.toLocaleString('zh-CN', { maximumFractionDigits: 2 }));

/** The report as .docx (the library the case documents use): title, sections of figure sentences, tables. */
export async function annualReportDocx(report: AnnualReportView, authority: string): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [run(`${authority}${report.title}`, { bold: true, size: 36 })],
    }),
  ];
  for (const section of report.sections) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_2,
        spacing: { before: 240, after: 120 },
        children: [run(section.title, { bold: true, size: 30 })],
      }),
    );
    children.push(
      new Paragraph({
        indent: { firstLine: 560 },
        spacing: { after: 120, line: 360 },
        children: section.sentences.flatMap((sentence) =>
          sentence.segments.map((segment) =>
            segment.kind === 'placeholder' ? run(`【${segment.text}】`, { isPlaceholder: true }) : run(segment.text),
          ),
        ),
      }),
    );
    if (section.table) {
      children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [run(section.table.caption, { bold: true, size: 24 })] }));
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({ tableHeader: true, children: section.table.columns.map((column) => cell(column, true)) }),
            ...section.table.rows.map((row) => new TableRow({ children: row.map((text) => cell(text)) })),
          ],
        }),
      );
    }
    if (section.chart) {
      const layout = chartLayout(section.chart);
      children.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 120 },
          children: [run(section.chart.caption, { bold: true, size: 24 })],
        }),
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new ImageRun({
              type: 'svg',
              data: Buffer.from(chartSvg(section.chart, layout)),
              fallback: { type: 'png', data: chartPng(layout) },
              transformation: { width: layout.width, height: layout.height },
              altText: { name: section.chart.caption, description: section.chart.caption, title: section.chart.caption },
            }),
          ],
        }),
      );
    }
  }
  children.push(
    new Paragraph({
      heading: HeadingLevel.HEADING_2,
      spacing: { before: 240, after: 120 },
      children: [run('附表:主要指标同比', { bold: true, size: 30 })],
    }),
  );
  children.push(
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({
          tableHeader: true,
          children: ['指标', '单位', `${report.year}年`, `${report.year - 1}年`, '同比(%)'].map((text) => cell(text, true)),
        }),
        ...report.keyFigures.map(
          (figure) =>
            new TableRow({
              children: [
                figure.name,
                figure.unit,
                formatNumber(figure.value),
                formatNumber(figure.previous),
                formatNumber(figure.changePercent),
              ].map((text) => cell(text)),
            }),
        ),
      ],
    }),
  );
  const document = new Document({ creator: 'Zhijian', title: `${authority}${report.title}`, sections: [{ children }] });
  return Packer.toBuffer(document);
}
