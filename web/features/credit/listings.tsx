import { Alert, Button, Flex, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaToday } from '../../lib/date-format.ts';
import { problemMessage } from '../../lib/form-errors.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { type ListingView, useListings } from './api.ts';
import { officerRoles } from './credit-roles.ts';
import { ListingForm } from './listing-form.tsx';
import { ObjectionModal, RemovalModal, RepairModal } from './listing-modals.tsx';

/** 经营异常名录: the list by status, the listing decision, removal, repair and objection, the public record. */
export function Listings() {
  const { t } = useTranslation('credit');
  const me = useMe().data;
  const isOfficer = hasAnyRole(me, officerRoles);
  const [status, setStatus] = useState<'listed' | 'removed' | 'moved_to_serious' | 'all'>('listed');
  const [page, setPage] = useState(1);
  const listings = useListings({ page, ...(status === 'all' ? {} : { status }) });
  const [removing, setRemoving] = useState<ListingView | null>(null);
  const [repairing, setRepairing] = useState<ListingView | null>(null);
  const [objecting, setObjecting] = useState<ListingView | null>(null);
  return (
    <Flex vertical gap={12}>
      {isOfficer ? <ListingForm /> : null}
      <Segmented
        value={status}
        onChange={(value) => {
          setStatus(value as typeof status);
          setPage(1);
        }}
        options={(['listed', 'removed', 'moved_to_serious', 'all'] as const).map((value) => ({
          value,
          label: t(`listingStatus.${value}`),
        }))}
      />
      {listings.error ? <Alert type="error" title={problemMessage(listings.error)} /> : null}
      <Table<ListingView>
        size="small"
        rowKey="id"
        loading={listings.isFetching}
        dataSource={listings.data?.items}
        pagination={{ current: page, pageSize: 20, total: listings.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        expandable={{
          expandedRowRender: (row) => (
            <Typography.Paragraph style={{ margin: 0 }}>
              {row.decisionNumber} · {row.legalBasis}
              {row.removedOn ? ` · ${t('fields.removedOn')} ${row.removedOn}（${row.removalReason ?? ''}）` : ''}
              {' · '}
              <Typography.Link href={`/api/v1/credit/abnormal-listings/${row.id}/decision.docx`}>{t('decisionDocument')}</Typography.Link>
            </Typography.Paragraph>
          ),
        }}
        columns={[
          { title: t('fields.entity'), dataIndex: 'entityName' },
          { title: t('fields.measure'), dataIndex: 'measure', responsive: ['md'], render: (measure: string) => t(`measures.${measure}`) },
          {
            title: t('fields.reason'),
            dataIndex: 'reason',
            render: (reason: string, row) => `${t(`reasons.${reason}`)}${row.reportYear ? `（${row.reportYear}）` : ''}`,
          },
          { title: t('fields.decidedOn'), dataIndex: 'decidedOn', responsive: ['sm'] },
          {
            title: t('fields.status'),
            dataIndex: 'status',
            render: (value: string, row) => (
              <>
                <Tag color={value === 'listed' ? 'red' : value === 'removed' ? 'green' : 'default'}>{t(`listingStatus.${value}`)}</Tag>
                {row.isSeriousCandidate ? <Tag color="volcano">{t('seriousCandidate')}</Tag> : null}
                {row.isAutomatic ? <Tag>{t('automatic')}</Tag> : null}
                {row.removalKind ? <Tag>{t(`removalKinds.${row.removalKind}`)}</Tag> : null}
              </>
            ),
          },
          {
            title: t('actions'),
            key: 'actions',
            render: (_: unknown, row) =>
              row.status === 'listed' ? (
                <Flex gap={4} wrap>
                  <Button size="small" onClick={() => setRepairing(row)} data-testid={`apply-${row.id}`}>
                    {t('applyRepair')}
                  </Button>
                  {row.objectionUntil === null || chinaToday() <= row.objectionUntil ? (
                    <Button size="small" onClick={() => setObjecting(row)} data-testid={`object-${row.id}`}>
                      {t('objections.file')}
                    </Button>
                  ) : null}
                  {isOfficer ? (
                    <Button size="small" onClick={() => setRemoving(row)} data-testid={`remove-${row.id}`}>
                      {t('remove')}
                    </Button>
                  ) : null}
                  {me ? (
                    <Typography.Link href={`/public/credit/${me.districtCode}/${row.creditCode}`} target="_blank">
                      {t('publicRecord')}
                    </Typography.Link>
                  ) : null}
                </Flex>
              ) : null,
          },
        ]}
      />
      {removing ? <RemovalModal listing={removing} onClose={() => setRemoving(null)} /> : null}
      {repairing ? (
        <RepairModal target="abnormal_listing" targetId={repairing.id} name={repairing.entityName} onClose={() => setRepairing(null)} />
      ) : null}
      {objecting ? (
        <ObjectionModal
          target="abnormal_listing"
          targetId={objecting.id}
          name={objecting.entityName}
          until={objecting.objectionUntil}
          onClose={() => setObjecting(null)}
        />
      ) : null}
    </Flex>
  );
}
