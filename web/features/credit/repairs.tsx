import { Alert, Button, Flex, Input, Modal, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../lib/form-errors.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { type RepairView, useDecideRepair, useRepairs } from './api.ts';
import { officerRoles } from './credit-roles.ts';

/** 信用修复: applications with their decision day; a station approves (the listing is removed) or rejects. */
export function Repairs() {
  const { t } = useTranslation('credit');
  const me = useMe().data;
  const isOfficer = hasAnyRole(me, officerRoles);
  const [status, setStatus] = useState<'submitted' | 'approved' | 'rejected' | 'all'>('submitted');
  const [page, setPage] = useState(1);
  const repairs = useRepairs({ page, ...(status === 'all' ? {} : { status }) });
  const decide = useDecideRepair();
  const [deciding, setDeciding] = useState<{ repair: RepairView; status: 'approved' | 'rejected' } | null>(null);
  const [note, setNote] = useState('');
  return (
    <Flex vertical gap={12}>
      <Segmented
        value={status}
        onChange={(value) => {
          setStatus(value as typeof status);
          setPage(1);
        }}
        options={(['submitted', 'approved', 'rejected', 'all'] as const).map((value) => ({ value, label: t(`repairStatus.${value}`) }))}
      />
      {repairs.error ? <Alert type="error" title={problemMessage(repairs.error)} /> : null}
      <Table<RepairView>
        size="small"
        rowKey="id"
        loading={repairs.isFetching}
        dataSource={repairs.data?.items}
        pagination={{ current: page, pageSize: 20, total: repairs.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        expandable={{
          expandedRowRender: (row) => (
            <Typography.Paragraph style={{ margin: 0 }}>
              {row.statement}
              {row.decisionNote ? ` · ${row.decisionNote}` : ''}
            </Typography.Paragraph>
          ),
        }}
        columns={[
          { title: t('fields.entity'), dataIndex: 'entityName' },
          { title: t('fields.target'), dataIndex: 'target', responsive: ['md'], render: (target: string) => t(`targets.${target}`) },
          { title: t('fields.appliedOn'), dataIndex: 'appliedOn', responsive: ['sm'] },
          { title: t('fields.decisionDue'), dataIndex: 'decisionDue', responsive: ['md'] },
          { title: t('fields.status'), dataIndex: 'status', render: (value: string) => <Tag>{t(`repairStatus.${value}`)}</Tag> },
          {
            title: t('actions'),
            key: 'actions',
            render: (_: unknown, row) =>
              isOfficer && row.status === 'submitted' ? (
                <Flex gap={4} wrap>
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => setDeciding({ repair: row, status: 'approved' })}
                    data-testid={`approve-${row.id}`}
                  >
                    {t('approve')}
                  </Button>
                  <Button size="small" danger onClick={() => setDeciding({ repair: row, status: 'rejected' })}>
                    {t('reject')}
                  </Button>
                </Flex>
              ) : null,
          },
        ]}
      />
      {deciding ? (
        <Modal
          open
          title={`${t(deciding.status === 'approved' ? 'approve' : 'reject')} · ${deciding.repair.entityName}`}
          onCancel={() => setDeciding(null)}
          okButtonProps={{ loading: decide.isPending }}
          okText={t('save')}
          onOk={() =>
            decide.mutate(
              { id: deciding.repair.id, status: deciding.status, decisionNote: note },
              {
                onSuccess: () => {
                  setDeciding(null);
                  setNote('');
                },
              },
            )
          }
        >
          <Input.TextArea
            rows={2}
            maxLength={1000}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            aria-label={t('fields.decisionNote')}
            placeholder={t('fields.decisionNote')}
          />
          {decide.error ? <Alert type="error" title={problemMessage(decide.error)} style={{ marginTop: 8 }} /> : null}
        </Modal>
      ) : null}
    </Flex>
  );
}
