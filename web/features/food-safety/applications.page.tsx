import { Button, Card, Empty, Flex, Input, List, Modal, Segmented, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { applicationStatuses } from '../../../shared/vocabularies/food-safety.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDate } from '../../lib/date-format.ts';
import { problemMessage } from '../../lib/form-errors.ts';
import { useUrlListState } from '../../lib/url-state.ts';
import { type Application, useApplications, useApproveApplication, useRejectApplication } from './api.ts';

const statusColours = { pending: 'gold', approved: 'green', rejected: 'red' } as const;

/** The station's operator registration applications (section and admin see the district): approve or reject with a reason. */
export function ApplicationsPage() {
  const { t } = useTranslation('food-safety');
  const { page, filter, setFilters, setPaging } = useUrlListState();
  const status = filter('status') ?? 'pending';
  const applications = useApplications(status === 'all' ? undefined : status, page);
  const approve = useApproveApplication();
  const reject = useRejectApplication();
  const [rejecting, setRejecting] = useState<Application>();
  const [reason, setReason] = useState('');

  const onApprove = (row: Application) =>
    Modal.confirm({
      title: t(row.bindsExistingAccount ? 'applications.confirmBind' : 'applications.confirmCreate', {
        username: row.username,
        shop: row.entityName,
      }),
      onOk: () => approve.mutateAsync(row.id).catch((error: unknown) => Modal.error({ title: problemMessage(error) })),
    });
  const onReject = () => {
    if (!rejecting) return;
    reject.mutateAsync({ id: rejecting.id, reason }).then(
      () => {
        setRejecting(undefined);
        setReason('');
      },
      (error: unknown) => Modal.error({ title: problemMessage(error) }),
    );
  };

  return (
    <>
      <PageHeader title={t('applications.title')} />
      <Segmented
        style={{ marginBottom: 12 }}
        value={status}
        onChange={(value) => setFilters({ status: value === 'pending' ? undefined : String(value) })}
        options={([...applicationStatuses, 'all'] as const).map((value) => ({
          value,
          label: t(`applications.statuses.${value}`),
        }))}
      />
      <List
        loading={applications.isFetching}
        dataSource={applications.data?.items}
        rowKey="id"
        locale={{ emptyText: <Empty description={t('applications.none')} /> }}
        pagination={{
          current: page,
          pageSize: 20,
          total: applications.data?.total ?? 0,
          onChange: setPaging,
          size: 'small',
          showSizeChanger: false,
        }}
        renderItem={(row) => (
          <List.Item data-testid={`application-${row.id}`}>
            <Card
              size="small"
              style={{ width: '100%' }}
              title={<Link to={`/food-safety/shops/${row.entityId}`}>{row.entityName}</Link>}
              extra={<Tag color={statusColours[row.status]}>{t(`applications.statuses.${row.status}`)}</Tag>}
            >
              <Typography.Text type="secondary">{row.creditCode}</Typography.Text>
              <Flex gap={4} wrap style={{ margin: '6px 0' }}>
                <Tag>{row.applicantName}</Tag>
                <Tag>{row.phoneMasked}</Tag>
                <Tag>{t('applications.username', { username: row.username })}</Tag>
                {row.bindsExistingAccount ? <Tag color="blue">{t('applications.existingAccount')}</Tag> : null}
                <Tag>{formatDate(row.createdAt)}</Tag>
              </Flex>
              {row.rejectReason ? <Typography.Paragraph type="danger">{row.rejectReason}</Typography.Paragraph> : null}
              {row.status === 'pending' ? (
                <Flex gap={8}>
                  <Button type="primary" onClick={() => onApprove(row)} data-testid={`approve-${row.id}`}>
                    {t('applications.approve')}
                  </Button>
                  <Button danger onClick={() => setRejecting(row)} data-testid={`reject-${row.id}`}>
                    {t('applications.reject')}
                  </Button>
                </Flex>
              ) : null}
            </Card>
          </List.Item>
        )}
      />
      <Modal
        open={rejecting !== undefined}
        title={t('applications.rejectTitle', { shop: rejecting?.entityName ?? '' })}
        onCancel={() => setRejecting(undefined)}
        onOk={onReject}
        okButtonProps={{ disabled: reason.trim().length < 2, loading: reject.isPending, danger: true }}
      >
        <Input.TextArea
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          maxLength={500}
          placeholder={t('applications.reasonPlaceholder')}
          aria-label={t('applications.reasonPlaceholder')}
          data-testid="reject-reason"
        />
      </Modal>
    </>
  );
}
