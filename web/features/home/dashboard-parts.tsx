import { Badge, Card, Col, List, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCount } from '../../lib/number-format.ts';
import { type AlertSource, type FigureItem, useAlertCounts, useFigures } from './api.ts';

/** A figure's value as a person reads it: separators, the figure's decimals, its unit. */
export function figureText(figure: FigureItem | undefined): string {
  if (!figure || figure.value === null) return '—';
  const digits = figure.decimals;
  const text = figure.value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return figure.kind === 'rate' ? `${text}%` : text;
}

function changeText(figure: FigureItem): string | null {
  if (figure.kind === 'rate') return figure.change === null ? null : `${figure.change >= 0 ? '+' : ''}${figure.change.toFixed(2)} pt`;
  if (figure.changePercent === null) return null;
  return `${figure.changePercent >= 0 ? '+' : ''}${figure.changePercent.toFixed(2)}%`;
}

/** The key figures of a period against the period before, each card linking to the records behind it. */
export function FigureGrid({ period, keys, testId }: { period: string; keys: readonly string[]; testId: string }) {
  const { t, i18n } = useTranslation('shell');
  const figures = useFigures(period, keys);
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const byKey = new Map(figures.data?.items.map((item) => [item.key, item]));
  return (
    <Card
      size="small"
      title={t('home.figuresTitle', { period: figures.data?.period.label ?? period })}
      extra={
        figures.data ? (
          <Typography.Text type="secondary">{t('home.comparedWith', { period: figures.data.comparedWith.label })}</Typography.Text>
        ) : null
      }
      loading={figures.isLoading}
      data-testid={testId}
      style={{ marginBottom: 16 }}
    >
      <Row gutter={[12, 12]}>
        {keys.map((key) => {
          const figure = byKey.get(key);
          const change = figure ? changeText(figure) : null;
          return (
            <Col xs={12} md={8} xl={6} key={key}>
              <Card size="small" data-testid={`figure-${key}`}>
                <Statistic
                  title={figure ? figure.name[language] : key}
                  value={figureText(figure)}
                  suffix={figure && figure.kind !== 'rate' ? figure.unit[language] : undefined}
                />
                <Typography.Text type={change?.startsWith('-') ? 'danger' : 'success'} style={{ fontSize: 12 }}>
                  {change ?? ' '}
                </Typography.Text>
                {figure?.previous !== null && figure ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8 }}>
                    {figureText({ ...figure, value: figure.previous })}
                  </Typography.Text>
                ) : null}
              </Card>
            </Col>
          );
        })}
      </Row>
    </Card>
  );
}

/** Today's work: each line the count of a list filter, clickable through to that list. */
export function AlertList({
  sources,
  title,
  testId,
}: {
  sources: readonly (AlertSource & { label: string })[];
  title: string;
  testId: string;
}) {
  const { t } = useTranslation('shell');
  const counts = useAlertCounts(sources);
  return (
    <Card size="small" title={title} data-testid={testId} style={{ marginBottom: 16 }}>
      <List
        size="small"
        locale={{ emptyText: t('home.noAlerts') }}
        dataSource={sources.map((source, index) => ({
          ...source,
          count: counts[index]?.data?.total,
          isFailed: counts[index]?.isError ?? false,
        }))}
        renderItem={(item) => (
          <List.Item
            extra={
              // While loading, or when the list is not the reader's to see, no number: never a 0 that is not true.
              <Badge
                count={item.count === undefined ? (item.isFailed ? '—' : '…') : formatCount(item.count)}
                showZero
                color={item.count ? '#b45309' : '#64748b'}
                overflowCount={1e9}
              />
            }
          >
            <Link to={item.link} data-testid={`alert-${item.key}`}>
              {item.label}
            </Link>
          </List.Item>
        )}
      />
    </Card>
  );
}
