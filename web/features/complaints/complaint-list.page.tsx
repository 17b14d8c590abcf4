import { BarChartOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, type TableProps, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { bureauStaffRoles } from '../../../shared/roles.ts';
import { attentionFlags } from '../../../shared/vocabularies/deadlines.ts';
import { CurrentStepDue } from '../../components/deadline-tag.tsx';
import { ChoiceFilter, FilterBar, SearchFilter, SwitchFilter } from '../../components/list-filters.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ResponsiveList } from '../../components/responsive-list.tsx';
import { problemMessage } from '../../lib/form-errors.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { oneOf, useUrlListState } from '../../lib/url-state.ts';
import { type ComplaintListItem, complaintKinds, complaintStatuses, useComplaints, useFlagSummary } from './api.ts';
import { DueTag, statusColors } from './complaint-labels.tsx';
import { IntakeModal } from './intake-modal.tsx';

/** The handlers' queue: nearest legal deadline first, flagged when near or past it. */
export function ComplaintListPage() {
  const { t } = useTranslation(['complaints', 'shell']);
  const navigate = useNavigate();
  const { data: me } = useMe();
  const { page, pageSize, filter, setFilters, setPaging } = useUrlListState();
  const [isCreating, setCreating] = useState(false);
  const flags = useFlagSummary();
  const isOpen = filter('open') !== 'all';
  const params = {
    kind: oneOf(complaintKinds, filter('kind')),
    status: oneOf(complaintStatuses, filter('status')),
    flag: oneOf(attentionFlags, filter('flag')),
    q: filter('q'),
    isOpen: isOpen ? true : undefined,
    page,
    pageSize,
  };
  const items = useComplaints(params);

  const columns: TableProps<ComplaintListItem>['columns'] = [
    {
      title: t('fields.number'),
      dataIndex: 'number',
      render: (number: string, item) => <Link to={`/complaints/${item.id}`}>{number}</Link>,
    },
    { title: t('fields.kind'), dataIndex: 'kind', render: (kind: ComplaintListItem['kind']) => t(`kinds.${kind}`) },
    { title: t('fields.respondent'), dataIndex: 'respondentName' },
    {
      title: t('fields.category'),
      dataIndex: 'category',
      responsive: ['lg'],
      render: (category: ComplaintListItem['category']) => t(`categories.${category}`),
    },
    { title: t('fields.receivedOn'), dataIndex: 'receivedOn', responsive: ['md'] },
    { title: t('fields.station'), dataIndex: 'stationName', responsive: ['lg'] },
    {
      title: t('fields.complainant'),
      dataIndex: 'complainantName',
      responsive: ['xl'],
      render: (name: string | null, item) => (item.isAnonymous ? t('fields.anonymous') : name),
    },
    {
      title: t('fields.status'),
      dataIndex: 'status',
      render: (status: ComplaintListItem['status']) => <Tag color={statusColors[status]}>{t(`statuses.${status}`)}</Tag>,
    },
    {
      title: t('fields.due'),
      dataIndex: 'currentDue',
      render: (due: string | null, item) => (
        <CurrentStepDue
          stepLabel={item.currentStep ? t(`steps.${item.currentStep}`) : null}
          tag={<DueTag due={due} flag={item.flag} isProvisional={item.isDueProvisional} />}
        />
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        extra={
          <>
            <Button icon={<BarChartOutlined />} onClick={() => navigate('/complaints/statistics')}>
              {t('statistics')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-complaint">
              {t('new')}
            </Button>
          </>
        }
      />
      {flags.data && (flags.data.overdue > 0 || flags.data.dueSoon > 0) ? (
        <Alert
          type={flags.data.overdue > 0 ? 'error' : 'warning'}
          style={{ marginBottom: 12 }}
          data-testid="flag-summary"
          title={
            <Flex gap={12} wrap>
              <Button type="link" size="small" onClick={() => setFilters({ flag: 'overdue' })}>
                {t('flags.overdue', { count: flags.data.overdue })}
              </Button>
              <Button type="link" size="small" onClick={() => setFilters({ flag: 'due_soon' })}>
                {t('flags.dueSoon', { count: flags.data.dueSoon })}
              </Button>
              <span>{t('flags.open', { count: flags.data.open })}</span>
            </Flex>
          }
        />
      ) : null}
      <FilterBar>
        <SearchFilter label={t('filters.search')} value={filter('q')} onSearch={(q) => setFilters({ q })} />
        <ChoiceFilter
          label={t('filters.kind')}
          value={filter('kind')}
          values={complaintKinds}
          labelOf={(value) => t(`kinds.${value}`)}
          onChange={(kind) => setFilters({ kind })}
        />
        <ChoiceFilter
          label={t('filters.status')}
          value={filter('status')}
          values={complaintStatuses}
          labelOf={(value) => t(`statuses.${value}`)}
          onChange={(status) => setFilters({ status })}
        />
        <ChoiceFilter
          label={t('filters.flag')}
          value={filter('flag')}
          values={attentionFlags}
          labelOf={(value) => (value === 'overdue' ? t('flags.overdue_one') : t('flags.due_soon'))}
          onChange={(flag) => setFilters({ flag })}
          testId="filter-flag"
        />
        <SwitchFilter
          id="filter-open"
          label={t('filters.open')}
          checked={isOpen}
          onChange={(checked) => setFilters({ open: checked ? undefined : 'all' })}
        />
      </FilterBar>
      {items.error ? <Alert type="error" title={problemMessage(items.error)} /> : null}
      <ResponsiveList
        items={items}
        columns={columns}
        card={(item) => ({
          title: item.respondentName,
          tag: <Tag color={statusColors[item.status]}>{t(`statuses.${item.status}`)}</Tag>,
          line: `${item.number} · ${t(`kinds.${item.kind}`)} · ${item.receivedOn}`,
          due: <DueTag due={item.currentDue} flag={item.flag} isProvisional={item.isDueProvisional} />,
        })}
        pathOf={(item) => `/complaints/${item.id}`}
        page={page}
        pageSize={pageSize}
        onPaging={setPaging}
        emptyText={t('list.empty')}
        testId="complaint-table"
      />
      {hasAnyRole(me, bureauStaffRoles) ? (
        <IntakeModal open={isCreating} onClose={() => setCreating(false)} onCreated={(view) => navigate(`/complaints/${view.id}`)} />
      ) : null}
    </>
  );
}
