import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, List, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { verdicts } from '../../../shared/vocabularies/sampling.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { chinaYear } from '../../lib/date-format.ts';
import { problemMessage } from '../../lib/form-errors.ts';
import { useIsPhone } from '../../lib/media-query.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { useUrlListState } from '../../lib/url-state.ts';
import { type SampleRow, sampleStatuses, samplingRoles, useSamples } from './api.ts';
import { SampleFormDrawer } from './sample-form.tsx';

export const verdictColor = (verdict: string | null) => (verdict === 'unqualified' ? 'red' : verdict === 'qualified' ? 'green' : undefined);

export function SampleListPage() {
  const { t } = useTranslation('sampling');
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const { data: me } = useMe();
  const { page, pageSize, filter, setFilters, setPaging } = useUrlListState();
  const [isCreating, setCreating] = useState(false);
  const year = Number(filter('year')) || undefined;
  const status = sampleStatuses.find((value) => value === filter('status'));
  const verdict = verdicts.find((value) => value === filter('verdict'));
  const samples = useSamples({ year, status, verdict, q: filter('q'), page, pageSize });

  const statusTag = (row: SampleRow) => (
    <Flex gap={4} wrap>
      <Tag>{t(`status.${row.status}`)}</Tag>
      {row.finalVerdict && <Tag color={verdictColor(row.finalVerdict)}>{t(`verdict.${row.finalVerdict}`)}</Tag>}
      {row.isOverdue && <Tag color="red">{t('hints.overdue')}</Tag>}
    </Flex>
  );

  return (
    <>
      <PageHeader
        title={t('title.samples')}
        extra={
          hasAnyRole(me, samplingRoles.sample) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-sample">
              {t('actions.newSample')}
            </Button>
          )
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('fields.q')}
          aria-label={t('fields.q')}
          defaultValue={filter('q')}
          onSearch={(q) => setFilters({ q })}
          style={{ width: isPhone ? '100%' : 260 }}
        />
        <Select
          allowClear
          placeholder={t('fields.year')}
          aria-label={t('fields.year')}
          value={year}
          onChange={(next?: number) => setFilters({ year: next ? String(next) : undefined })}
          options={Array.from({ length: 8 }, (_, index) => chinaYear() - index).map((value) => ({ value, label: value }))}
          style={{ width: 110 }}
        />
        <Select
          allowClear
          placeholder={t('fields.status')}
          aria-label={t('fields.status')}
          value={status}
          onChange={(next?: string) => setFilters({ status: next })}
          options={sampleStatuses.map((value) => ({ value, label: t(`status.${value}`) }))}
          style={{ width: 130 }}
        />
        <Select
          allowClear
          placeholder={t('fields.finalVerdict')}
          aria-label={t('fields.finalVerdict')}
          value={verdict}
          onChange={(next?: string) => setFilters({ verdict: next })}
          options={verdicts.map((value) => ({ value, label: t(`verdict.${value}`) }))}
          style={{ width: 120 }}
        />
      </Flex>
      {samples.error && <Alert type="error" title={problemMessage(samples.error)} />}
      {isPhone ? (
        <List
          loading={samples.isLoading}
          dataSource={samples.data?.items ?? []}
          pagination={{ current: page, pageSize, total: samples.data?.total ?? 0, onChange: setPaging, size: 'small' }}
          renderItem={(row) => (
            <List.Item style={{ display: 'block', padding: 0, borderBlockEnd: 0 }}>
              <Card size="small" style={{ marginBottom: 8 }} onClick={() => navigate(`/sampling/samples/${row.id}`)}>
                <Typography.Text strong>{row.productName}</Typography.Text> · {row.entityName}
                <div style={{ margin: '4px 0' }}>
                  {row.sampledOn} · {t(`link.${row.link}`)} · <code>{row.blindCode}</code>
                </div>
                {statusTag(row)}
              </Card>
            </List.Item>
          )}
        />
      ) : (
        <Table<SampleRow>
          rowKey="id"
          loading={samples.isLoading}
          dataSource={samples.data?.items ?? []}
          pagination={{ current: page, pageSize, total: samples.data?.total ?? 0, onChange: setPaging, showSizeChanger: true }}
          columns={[
            { title: t('fields.sampledOn'), dataIndex: 'sampledOn', width: 110 },
            { title: t('fields.productName'), render: (_, row) => <Link to={`/sampling/samples/${row.id}`}>{row.productName}</Link> },
            { title: t('fields.entity'), dataIndex: 'entityName' },
            { title: t('fields.category'), render: (_, row) => `${row.category} / ${row.productType}` },
            { title: t('fields.link'), render: (_, row) => t(`link.${row.link}`), width: 100 },
            { title: t('fields.blindCode'), dataIndex: 'blindCode', render: (code: string) => <code>{code}</code>, width: 120 },
            { title: t('fields.nextDeadline'), dataIndex: 'nextDeadline', width: 110 },
            { title: t('fields.status'), render: (_, row) => statusTag(row) },
          ]}
        />
      )}
      <SampleFormDrawer
        open={isCreating}
        onClose={() => setCreating(false)}
        onCreated={(sample) => {
          setCreating(false);
          navigate(`/sampling/samples/${sample.id}`);
        }}
      />
    </>
  );
}
