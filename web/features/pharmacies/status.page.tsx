import { Alert, DatePicker, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';
import { chinaToday, formatDateTime } from '../../lib/date-format.ts';
import { problemMessage } from '../../lib/form-errors.ts';
import { useUrlListState } from '../../lib/url-state.ts';
import { type StatusView, useStatus } from './api.ts';

/** A station's (or the district's) pharmacies and whether each has reported today; after the cut-off the missing ones are flagged. */
export function StatusPage() {
  const { t } = useTranslation('pharmacies');
  const { filter, setFilters } = useUrlListState();
  const day = filter('day') ?? chinaToday();
  const status = useStatus(day);
  const data = status.data;
  const missing = data ? data.total - data.reported : 0;
  return (
    <>
      <PageHeader
        title={t('status.title')}
        extra={
          <DatePicker
            aria-label={t('surveillance.day')}
            allowClear={false}
            value={dayjs(day)}
            onChange={(value) => value && setFilters({ day: value.format('YYYY-MM-DD') })}
          />
        }
      />
      {status.error ? <Alert type="error" title={problemMessage(status.error)} /> : null}
      {data ? (
        <>
          <Typography.Paragraph data-testid="status-summary">
            {t('status.summary', { reported: data.reported, total: data.total })}
          </Typography.Paragraph>
          {data.isPastCutOff && missing > 0 ? (
            <Alert type="warning" showIcon title={t('status.pastCutOff', { cutOff: data.cutOff })} style={{ marginBottom: 12 }} />
          ) : (
            <Typography.Paragraph type="secondary">{t('status.beforeCutOff', { cutOff: data.cutOff })}</Typography.Paragraph>
          )}
        </>
      ) : null}
      <Table<StatusView['items'][number]>
        size="small"
        rowKey="pharmacyId"
        loading={status.isFetching}
        dataSource={data?.items}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        columns={[
          { title: t('fields.pharmacy'), dataIndex: 'name' },
          { title: t('fields.street'), dataIndex: 'streetName', responsive: ['md'] },
          {
            title: t('status.reported'),
            key: 'reported',
            render: (_value, row) =>
              row.hasReported ? (
                <Tag color={row.isNil ? 'blue' : 'green'}>{row.isNil ? t('status.nil') : t('status.reported')}</Tag>
              ) : (
                <Tag color={data?.isPastCutOff ? 'red' : 'default'}>{t('status.notReported')}</Tag>
              ),
          },
          { title: t('fields.registrations'), dataIndex: 'registrations' },
          {
            title: t('fields.registeredAt'),
            dataIndex: 'reportedAt',
            responsive: ['md'],
            render: (value: string | null) => formatDateTime(value),
          },
        ]}
      />
    </>
  );
}
