import { Alert, Button, Card, DatePicker, Flex, Form, Input, Select, Table, Tag, Typography } from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { settingsRoles } from '../../../shared/roles.ts';
import { chinaToday, chinaTodayPicker } from '../../lib/date-format.ts';
import { applyProblemToForm, problemMessage } from '../../lib/form-errors.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { type ListingView, type SeriousView, useDecidedCases, useListFromCase, useListings, useMoveToSerious, useSerious } from './api.ts';
import { ObjectionModal, RepairModal } from './listing-modals.tsx';

/** 严重违法失信名单: candidates from the abnormal list, listing from a case, the list with its terms, repair. */
export function SeriousList() {
  const { t } = useTranslation('credit');
  const me = useMe().data;
  const canMove = hasAnyRole(me, settingsRoles);
  const [page, setPage] = useState(1);
  const serious = useSerious(page);
  const candidates = useListings({ isSeriousCandidate: true, page: 1 });
  const move = useMoveToSerious();
  const [repairing, setRepairing] = useState<SeriousView | null>(null);
  const [objecting, setObjecting] = useState<SeriousView | null>(null);
  return (
    <Flex vertical gap={12}>
      {canMove ? <CaseListingForm /> : null}
      {canMove && candidates.data?.items.length ? (
        <Card size="small" title={t('candidatesTitle')}>
          {move.error ? <Alert type="error" title={problemMessage(move.error)} style={{ marginBottom: 8 }} /> : null}
          <Table<ListingView>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={candidates.data.items}
            columns={[
              { title: t('fields.entity'), dataIndex: 'entityName' },
              { title: t('fields.decidedOn'), dataIndex: 'decidedOn' },
              { title: t('fields.reason'), dataIndex: 'reason', responsive: ['sm'], render: (reason: string) => t(`reasons.${reason}`) },
              {
                title: t('actions'),
                key: 'actions',
                render: (_: unknown, row) => (
                  <Button
                    size="small"
                    loading={move.isPending}
                    onClick={() => move.mutate({ abnormalListingId: row.id, listedOn: chinaToday() })}
                  >
                    {t('moveToSerious')}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      ) : null}
      {serious.error ? <Alert type="error" title={problemMessage(serious.error)} /> : null}
      <Table<SeriousView>
        size="small"
        rowKey="id"
        loading={serious.isFetching}
        dataSource={serious.data?.items}
        pagination={{ current: page, pageSize: 20, total: serious.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        expandable={{
          expandedRowRender: (row) => (
            <Typography.Paragraph style={{ margin: 0 }}>
              {row.decisionNumber} · {row.legalBasis}
              {row.superiorConsent ? ` · ${t('fields.superiorConsent')}：${row.superiorConsent}` : ''}
              {row.removedOn ? ` · ${t('fields.removedOn')} ${row.removedOn}（${row.removalReason ?? ''}）` : ''}
            </Typography.Paragraph>
          ),
        }}
        columns={[
          { title: t('fields.entity'), dataIndex: 'entityName' },
          { title: t('fields.listedOn'), dataIndex: 'listedOn' },
          { title: t('fields.termEndsOn'), dataIndex: 'termEndsOn', responsive: ['sm'] },
          {
            title: t('fields.status'),
            dataIndex: 'status',
            render: (value: string, row) => (
              <>
                <Tag color={value === 'listed' ? 'red' : 'green'}>{t(`seriousStatus.${value}`)}</Tag>
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
                  <Button
                    size="small"
                    disabled={chinaToday() < row.repairFrom}
                    title={t('repairFrom', { from: row.repairFrom })}
                    onClick={() => setRepairing(row)}
                  >
                    {t('applyRepair')}
                  </Button>
                  <Button size="small" onClick={() => setObjecting(row)}>
                    {t('objections.file')}
                  </Button>
                </Flex>
              ) : null,
          },
        ]}
      />
      {repairing ? (
        <RepairModal target="serious_violation" targetId={repairing.id} name={repairing.entityName} onClose={() => setRepairing(null)} />
      ) : null}
      {objecting ? (
        <ObjectionModal
          target="serious_violation"
          targetId={objecting.id}
          name={objecting.entityName}
          until={null}
          onClose={() => setObjecting(null)}
        />
      ) : null}
    </Flex>
  );
}

/** A serious-violation listing decided on a penalised case (SAMR Order 44), with the superior bureau's consent. */
function CaseListingForm() {
  const { t } = useTranslation('credit');
  const [query, setQuery] = useState('');
  const cases = useDecidedCases(query, true);
  const listFromCase = useListFromCase();
  const [form] = Form.useForm<{ caseId: number; listedOn: dayjs.Dayjs; superiorConsent: string }>();
  const [errors, setErrors] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  return (
    <Card size="small" title={t('fromCase.title')} style={{ maxWidth: 640 }}>
      <Typography.Paragraph type="secondary">{t('fromCase.hint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ listedOn: chinaTodayPicker() }}
        onFinish={(values) => {
          setSaved(false);
          setErrors([]);
          listFromCase.mutate(
            { caseId: values.caseId, listedOn: values.listedOn.format('YYYY-MM-DD'), superiorConsent: values.superiorConsent },
            {
              onSuccess: () => {
                setSaved(true);
                form.resetFields();
              },
              onError: (error) => setErrors(applyProblemToForm(form, error)),
            },
          );
        }}
      >
        <Form.Item name="caseId" label={t('fromCase.case')} rules={[{ required: true, message: t('required') }]}>
          <Select
            showSearch={{ onSearch: setQuery }}
            filterOption={false}
            loading={cases.isFetching}
            placeholder={t('fromCase.search')}
            options={cases.data?.map((item) => ({ value: item.id, label: `${item.number} ${item.partyName}（${item.decidedOn}）` }))}
            data-testid="case-picker"
          />
        </Form.Item>
        <Form.Item name="listedOn" label={t('fields.listedOn')} rules={[{ required: true, message: t('required') }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="superiorConsent" label={t('fields.superiorConsent')} rules={[{ required: true, message: t('required') }]}>
          <Input maxLength={200} />
        </Form.Item>
        {errors.length ? <Alert type="error" title={errors.join('；')} style={{ marginBottom: 12 }} /> : null}
        {saved ? <Alert type="success" title={t('listed')} style={{ marginBottom: 12 }} /> : null}
        <Button type="primary" htmlType="submit" block loading={listFromCase.isPending}>
          {t('moveToSerious')}
        </Button>
      </Form>
    </Card>
  );
}
