import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../lib/date-format.ts';
import type { EquipmentView, HazardView } from './api.ts';

const dueColours = { in_date: 'green', due_soon: 'gold', overdue: 'red' } as const;
const registrationColours = { registered: 'green', registered_late: 'orange', pending: 'blue', overdue: 'red' } as const;
const hazardColours = { found: 'orange', ordered: 'gold', reported: 'blue', closed: 'green', escalated: 'red' } as const;

export function DueTag({ flag }: { flag: EquipmentView['dueFlag'] }) {
  const { t } = useTranslation('special-equipment');
  return flag ? <Tag color={dueColours[flag]}>{t(`due.${flag}`)}</Tag> : <Tag>{t('due.none')}</Tag>;
}
export function RegistrationTag({ state }: { state: EquipmentView['registrationState'] }) {
  const { t } = useTranslation('special-equipment');
  return <Tag color={registrationColours[state]}>{t(`registration.${state}`)}</Tag>;
}
export function HazardStatusTag({ hazard }: { hazard: Pick<HazardView, 'status' | 'flag'> }) {
  const { t } = useTranslation('special-equipment');
  return (
    <>
      <Tag color={hazardColours[hazard.status]}>{t(`hazardStatus.${hazard.status}`)}</Tag>
      {hazard.flag ? <Tag color="red">{t(`hazardFlag.${hazard.flag}`)}</Tag> : null}
    </>
  );
}

/** The register's table: one row per piece of equipment, linking to its page. */
export function EquipmentTable({
  items,
  total,
  loading,
  page,
  pageSize,
  onPage,
}: {
  items: EquipmentView[];
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
}) {
  const { t } = useTranslation('special-equipment');
  return (
    <Table<EquipmentView>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={items}
      scroll={{ x: 900 }}
      pagination={{ current: page, pageSize, total, onChange: onPage, showSizeChanger: true }}
      columns={[
        {
          title: t('fields.registrationCode'),
          dataIndex: 'registrationCode',
          render: (code: string, row) => <Link to={`/special-equipment/equipment/${row.id}`}>{code}</Link>,
        },
        { title: t('fields.kind'), dataIndex: 'kind', render: (kind: string) => t(`kinds.${kind}`) },
        { title: t('fields.user'), dataIndex: 'entityName' },
        { title: t('fields.address'), dataIndex: 'address', ellipsis: true },
        {
          title: t('fields.registration'),
          dataIndex: 'registrationState',
          render: (state: EquipmentView['registrationState']) => <RegistrationTag state={state} />,
        },
        { title: t('fields.nextDueOn'), dataIndex: 'nextDueOn', render: (day: string) => formatDate(day) },
        { title: t('fields.due'), dataIndex: 'dueFlag', render: (flag: EquipmentView['dueFlag']) => <DueTag flag={flag} /> },
        { title: t('fields.status'), dataIndex: 'status', render: (status: string) => t(`statuses.${status}`) },
      ]}
    />
  );
}
