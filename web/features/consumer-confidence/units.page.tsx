import { Alert, Button, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseWorkerRoles } from '../../../shared/roles.ts';
import { confidenceUnitStatuses } from '../../../shared/vocabularies/markets.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { problemMessage } from '../../lib/form-errors.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { type UnitView, useDecideUnit, useUnits } from './api.ts';

/** 放心消费 units: applications for the station to review, the listed units with their yearly review dates. */
export function ConsumerConfidencePage() {
  const { t } = useTranslation('markets');
  const me = useMe().data;
  const canReview = hasAnyRole(me, caseWorkerRoles);
  const [status, setStatus] = useState<string>('applied');
  const [page, setPage] = useState(1);
  const units = useUnits(status, page);
  const decide = useDecideUnit();
  const [error, setError] = useState<string | null>(null);
  const act = async (id: number, decision: 'approve' | 'reject') => {
    setError(null);
    try {
      await decide.mutateAsync({ id, decision });
    } catch (caught) {
      setError(problemMessage(caught));
    }
  };
  return (
    <>
      <PageHeader
        title={t('confidence.title')}
        extra={
          me ? (
            <Button href={`/public/consumer-confidence/${me.districtCode}`} target="_blank">
              {t('market.publicPage')}
            </Button>
          ) : null
        }
      />
      <Segmented
        value={status}
        onChange={(value) => {
          setStatus(String(value));
          setPage(1);
        }}
        options={confidenceUnitStatuses.map((value) => ({ value, label: t(`confidence.statuses.${value}`) }))}
        style={{ marginBottom: 12 }}
      />
      {error || units.error ? <Alert type="error" title={error ?? problemMessage(units.error)} /> : null}
      <Table<UnitView>
        size="small"
        rowKey="id"
        loading={units.isFetching}
        dataSource={units.data?.items}
        pagination={{ current: page, pageSize: 20, total: units.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('confidence.name'), dataIndex: 'name' },
          { title: t('confidence.kind'), dataIndex: 'kind', render: (kind: string) => <Tag>{t(`confidence.kinds.${kind}`)}</Tag> },
          {
            title: t('confidence.commitments'),
            dataIndex: 'commitments',
            responsive: ['md'],
            render: (commitments: string[]) => commitments.map((code) => t(`confidence.commitmentNames.${code}`)).join('、'),
          },
          { title: t('confidence.appliedOn'), dataIndex: 'appliedOn', responsive: ['md'] },
          { title: t('confidence.reviewDueOn'), dataIndex: 'reviewDueOn', render: (day: string | null) => day ?? '—' },
          ...(canReview && status === 'applied'
            ? [
                {
                  title: '',
                  key: 'actions',
                  render: (_: unknown, unit: UnitView) => (
                    <Space>
                      <Button size="small" type="primary" onClick={() => act(unit.id, 'approve')}>
                        {t('confidence.approve')}
                      </Button>
                      <Button size="small" onClick={() => act(unit.id, 'reject')}>
                        {t('confidence.reject')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
