import { Alert, Button, Flex, Input, Modal, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../lib/form-errors.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { type ObjectionView, useAcceptObjection, useDecideObjection, useObjections } from './api.ts';
import { officerRoles } from './credit-roles.ts';

type Step = { objection: ObjectionView; action: 'accept' | 'refuse' | 'upheld' | 'dismissed' };
const statusColours: Record<ObjectionView['status'], string> = {
  submitted: 'blue',
  accepted: 'gold',
  not_accepted: 'default',
  upheld: 'green',
  dismissed: 'red',
};

/**
 * 异议: objections to listings with the step now due (acceptance in 5, verification in 20 working days) flagged when
 * late; a station accepts or refuses (with its reason), then upholds (the listing is revoked) or dismisses.
 */
export function Objections() {
  const { t } = useTranslation('credit');
  const me = useMe().data;
  const isOfficer = hasAnyRole(me, officerRoles);
  const [status, setStatus] = useState<ObjectionView['status'] | 'open' | 'all'>('open');
  const [page, setPage] = useState(1);
  const objections = useObjections({ page, ...(status === 'all' ? {} : status === 'open' ? { isOpen: true } : { status }) });
  const accept = useAcceptObjection();
  const decide = useDecideObjection();
  const [step, setStep] = useState<Step | null>(null);
  const [note, setNote] = useState('');
  const close = () => {
    setStep(null);
    setNote('');
  };
  const submit = () => {
    if (!step) return;
    const id = step.objection.id;
    if (step.action === 'accept' || step.action === 'refuse')
      accept.mutate({ id, isAccepted: step.action === 'accept', note }, { onSuccess: close });
    else decide.mutate({ id, outcome: step.action, note }, { onSuccess: close });
  };
  const error = accept.error ?? decide.error;
  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('objections.hint')}
      </Typography.Paragraph>
      <Segmented
        value={status}
        onChange={(value) => {
          setStatus(value as typeof status);
          setPage(1);
        }}
        options={(['open', 'submitted', 'accepted', 'upheld', 'dismissed', 'not_accepted', 'all'] as const).map((value) => ({
          value,
          label: t(`objections.status.${value}`),
        }))}
      />
      {objections.error ? <Alert type="error" title={problemMessage(objections.error)} /> : null}
      <Table<ObjectionView>
        size="small"
        rowKey="id"
        loading={objections.isFetching}
        dataSource={objections.data?.items}
        pagination={{ current: page, pageSize: 20, total: objections.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        expandable={{
          expandedRowRender: (row) => (
            <Typography.Paragraph style={{ margin: 0 }}>
              {row.grounds}
              {row.outcomeNote ? ` · ${row.outcomeNote}` : ''} · {row.legalBasis}
            </Typography.Paragraph>
          ),
        }}
        columns={[
          { title: t('fields.entity'), dataIndex: 'entityName' },
          { title: t('fields.target'), dataIndex: 'target', responsive: ['md'], render: (target: string) => t(`targets.${target}`) },
          { title: t('objections.filedOn'), dataIndex: 'filedOn', responsive: ['sm'] },
          {
            title: t('objections.dueOn'),
            dataIndex: 'dueOn',
            render: (dueOn: string | null, row) =>
              dueOn ? (
                <Tag color={row.isOverdue ? 'red' : 'default'}>{`${dueOn}${row.isOverdue ? ` ${t('objections.overdue')}` : ''}`}</Tag>
              ) : (
                '—'
              ),
          },
          {
            title: t('fields.status'),
            dataIndex: 'status',
            render: (value: ObjectionView['status']) => <Tag color={statusColours[value]}>{t(`objections.status.${value}`)}</Tag>,
          },
          {
            title: t('actions'),
            key: 'actions',
            render: (_: unknown, row) =>
              !isOfficer ? null : row.status === 'submitted' ? (
                <Flex gap={4} wrap>
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => setStep({ objection: row, action: 'accept' })}
                    data-testid={`accept-${row.id}`}
                  >
                    {t('objections.accept')}
                  </Button>
                  <Button size="small" onClick={() => setStep({ objection: row, action: 'refuse' })}>
                    {t('objections.refuse')}
                  </Button>
                </Flex>
              ) : row.status === 'accepted' ? (
                <Flex gap={4} wrap>
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => setStep({ objection: row, action: 'upheld' })}
                    data-testid={`uphold-${row.id}`}
                  >
                    {t('objections.uphold')}
                  </Button>
                  <Button size="small" danger onClick={() => setStep({ objection: row, action: 'dismissed' })}>
                    {t('objections.dismiss')}
                  </Button>
                </Flex>
              ) : null,
          },
        ]}
      />
      {step ? (
        <Modal
          open
          title={`${t(`objections.${step.action === 'upheld' ? 'uphold' : step.action === 'dismissed' ? 'dismiss' : step.action}`)} · ${step.objection.entityName}`}
          onCancel={close}
          okButtonProps={{ loading: accept.isPending || decide.isPending }}
          okText={t('save')}
          onOk={submit}
        >
          {step.action === 'upheld' ? <Alert type="warning" title={t('objections.upholdWarning')} style={{ marginBottom: 8 }} /> : null}
          <Input.TextArea
            rows={3}
            maxLength={1000}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            aria-label={t('objections.note')}
            placeholder={t('objections.note')}
            data-testid="objection-note"
          />
          {error ? <Alert type="error" title={problemMessage(error)} style={{ marginTop: 8 }} /> : null}
        </Modal>
      ) : null}
    </Flex>
  );
}
