import { Alert, Button, Card, Descriptions, Empty, Flex, List, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { problemMessage } from '../../lib/form-errors.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { chinaToday, foodSafetyRoles, recordUrl, useGrade, useInspections, useRectifications, useUploads } from './api.ts';
import { DynamicGradeTag, formatTenths, OutcomeTag } from './grade-tags.tsx';
import { AppealButton, ReinspectionButton, ShopColourCard, UploadButton } from './shop-operator.tsx';
import { ShopStaff } from './shop-staff.tsx';

/** One food business: its grade and history, staff and certificates, inspections, orders and uploads. */
export function ShopPage() {
  const { t } = useTranslation('food-safety');
  const entityId = Number(useParams().id);
  const me = useMe().data;
  const isOperator = hasAnyRole(me, ['operator']);
  const canInspect = hasAnyRole(me, foodSafetyRoles.inspect);
  const grade = useGrade(entityId);
  const inspections = useInspections(entityId);
  const rectifications = useRectifications(entityId);
  const uploads = useUploads(undefined, entityId);
  if (grade.isLoading) return <Spin />;
  if (grade.error) return <Alert type="error" title={problemMessage(grade.error)} />;
  const current = grade.data?.grade;
  return (
    <>
      <PageHeader
        title={grade.data?.entityName ?? ''}
        extra={
          canInspect ? (
            <Link to={`/food-safety/inspect/${entityId}`}>
              <Button type="primary">{t('due.inspect')}</Button>
            </Link>
          ) : null
        }
      />
      <Flex vertical gap={12}>
        <Card size="small" title={t('grade.title')}>
          {current ? (
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('grade.dynamic')}>
                <DynamicGradeTag grade={current.dynamicGrade} testId="dynamic-grade" /> {formatTenths(current.dynamicScoreTenths)}
                {current.blackoutReason ? <Tag>{t('grade.blackout', { reason: current.blackoutReason })}</Tag> : null}
              </Descriptions.Item>
              <Descriptions.Item label={t('grade.annual')}>
                <span data-testid="annual-grade">{current.annualGrade ?? '—'}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('grade.riskLabel')}>
                {current.riskGrade} ({current.riskPoints})
              </Descriptions.Item>
              <Descriptions.Item label={t('grade.lastInspected')}>
                {current.lastInspectedOn ?? '—'} <OutcomeTag outcome={current.lastOutcome} />
              </Descriptions.Item>
              <Descriptions.Item label={t('grade.nextDue')}>
                {current.nextDueOn}{' '}
                {current.nextDueOn < chinaToday() ? (
                  <Tag color="red" data-testid="next-due-overdue">
                    {t('grade.overdue')}
                  </Tag>
                ) : null}
              </Descriptions.Item>
            </Descriptions>
          ) : (
            <Empty description={t('grade.noGrade')} data-testid="no-grade" />
          )}
          {(grade.data?.history.length ?? 0) > 0 ? (
            <>
              <Typography.Title level={5}>{t('grade.history')}</Typography.Title>
              <List
                size="small"
                dataSource={grade.data?.history}
                rowKey="id"
                renderItem={(row) => (
                  <List.Item>
                    <Flex vertical>
                      <span>
                        {row.changedOn} <DynamicGradeTag grade={row.dynamicGrade} /> {row.annualGrade ?? '—'} ·{' '}
                        {t('grade.risk', { grade: row.riskGrade })}
                      </span>
                      <Typography.Text type="secondary">{row.reason}</Typography.Text>
                    </Flex>
                  </List.Item>
                )}
              />
            </>
          ) : null}
        </Card>
        <ShopColourCard entityId={entityId} />
        <ShopStaff entityId={entityId} />
        <Card size="small" title={t('shop.inspections')}>
          <List
            size="small"
            loading={inspections.isLoading}
            dataSource={inspections.data?.items}
            rowKey="id"
            locale={{ emptyText: t('shop.noInspections') }}
            renderItem={(row) => (
              <List.Item
                actions={[
                  <a key="record" href={recordUrl(row.id)} target="_blank" rel="noreferrer">
                    {t('inspect.record')}
                  </a>,
                  isOperator ? <AppealButton key="appeal" inspectionId={row.id} /> : null,
                ]}
              >
                <span>
                  {row.inspectedOn} {t(`kinds.${row.kind}`)} <OutcomeTag outcome={row.outcome} />{' '}
                  <DynamicGradeTag grade={row.dynamicGrade} />
                </span>
              </List.Item>
            )}
          />
        </Card>
        <Card size="small" title={t('shop.rectifications')}>
          <List
            size="small"
            dataSource={rectifications.data?.items}
            rowKey="id"
            locale={{ emptyText: t('shop.noRectifications') }}
            renderItem={(row) => (
              <List.Item actions={[isOperator && row.closedOn === null ? <ReinspectionButton key="ask" orderId={row.id} /> : null]}>
                <Flex vertical>
                  <span>
                    {t('inspect.rectificationUntil', { date: row.deadline })}{' '}
                    {row.closedOn ? <Tag color="green">{t('shop.closed', { date: row.closedOn })}</Tag> : null}
                    {row.isOverdue ? <Tag color="red">{t('due.states.overdue')}</Tag> : null}
                  </span>
                  <Typography.Text type="secondary">{row.requirements}</Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        </Card>
        <Card size="small" title={t('shop.uploads')} extra={isOperator ? <UploadButton entityId={entityId} /> : null}>
          <List
            size="small"
            dataSource={uploads.data?.items}
            rowKey="id"
            locale={{ emptyText: t('shop.noUploads') }}
            renderItem={(row) => (
              <List.Item>
                <Flex vertical>
                  <span>
                    v{row.version} {row.name} <Tag>{t(`uploadStatuses.${row.status}`)}</Tag>
                  </span>
                  {row.reviewReason ? <Typography.Text type="secondary">{row.reviewReason}</Typography.Text> : null}
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      </Flex>
    </>
  );
}
