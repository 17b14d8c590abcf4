import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Skeleton, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';
import { useYearParam, YearSelect } from '../../components/period-statistics.tsx';
import { TrendChart } from '../../components/trend-chart.tsx';
import { type AnnualReportView, annualReportDocxUrl, useAnnualReport } from './api.ts';

/** The year's work report as the .docx has it, printable: figures from the registry, what it cannot know highlighted. */
export function AnnualReportPage() {
  const { t } = useTranslation('figures');
  const [year, setYear] = useYearParam();
  const report = useAnnualReport(year);
  return (
    <>
      <PageHeader
        title={t('report.title')}
        extra={
          <Flex gap={8} className="no-print">
            <YearSelect year={year} onChange={setYear} label={t('year')} />
            <Button icon={<DownloadOutlined />} href={annualReportDocxUrl(year)} download>
              {t('report.download')}
            </Button>
            <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
              {t('report.print')}
            </Button>
          </Flex>
        }
      />
      <Alert className="no-print" type="info" showIcon title={t('report.placeholderHint')} style={{ marginBottom: 16 }} />
      {report.error ? <Alert type="error" title={report.error.message} /> : null}
      {report.data ? (
        <article className="annual-report" aria-label={report.data.title}>
          <Typography.Title level={2} style={{ textAlign: 'center' }}>
            {report.data.title}
          </Typography.Title>
          {report.data.sections.map((section) => (
            <section key={section.title}>
              <Typography.Title level={4}>{section.title}</Typography.Title>
              <Typography.Paragraph style={{ textIndent: '2em', lineHeight: 2 }}>
                {segmentsOf(section).map((segment) =>
                  segment.kind === 'placeholder' ? (
                    <mark key={segment.id} title={t('report.placeholder')}>
                      【{segment.text}】
                    </mark>
                  ) : segment.kind === 'figure' ? (
                    <strong key={segment.id}>{segment.text}</strong>
                  ) : (
                    <span key={segment.id}>{segment.text}</span>
                  ),
                )}
              </Typography.Paragraph>
              {section.table ? (
                <Table
                  size="small"
                  pagination={false}
                  title={() => section.table?.caption}
                  rowKey={(row) => row[0] ?? ''}
                  dataSource={section.table.rows}
                  columns={section.table.columns.map((column, index) => ({
                    title: column,
                    key: column,
                    align: index === 0 ? 'left' : 'right',
                    render: (_: unknown, row: string[]) => row[index],
                  }))}
                />
              ) : null}
              {section.chart ? (
                <figure style={{ margin: '16px 0' }}>
                  <figcaption
                    style={{ textAlign: 'center', fontWeight: 600 }}
                  >{`${section.chart.caption}(${section.chart.unit})`}</figcaption>
                  <TrendChart testId="report-chart" categories={section.chart.categories} series={section.chart.series} />
                </figure>
              ) : null}
            </section>
          ))}
          <Typography.Title level={4}>{t('report.keyFigures')}</Typography.Title>
          <Table
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={report.data.keyFigures}
            columns={[
              { title: t('report.figure'), dataIndex: 'name', key: 'name' },
              { title: t('report.unit'), dataIndex: 'unit', key: 'unit' },
              { title: String(year), dataIndex: 'value', key: 'value', align: 'right', render: formatNumber },
              { title: String(year - 1), dataIndex: 'previous', key: 'previous', align: 'right', render: formatNumber },
              { title: t('report.change'), dataIndex: 'changePercent', key: 'change', align: 'right', render: formatNumber },
            ]}
          />
        </article>
      ) : (
        <Skeleton active />
      )}
    </>
  );
}

/** The segments of a section's sentences in order, each with an id that stays the same between renders. */
function segmentsOf(section: AnnualReportView['sections'][number]) {
  return section.sentences.flatMap((sentence, sentenceIndex) =>
    sentence.segments.map((segment, segmentIndex) => ({ ...segment, id: `${sentenceIndex}.${segmentIndex}` })),
  );
}

function formatNumber(value: number | null) {
  return value === null ? '—' : value.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
}
