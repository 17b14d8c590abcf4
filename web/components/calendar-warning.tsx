import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CalendarStatusView } from '../../server/platform/calendar/calendar.schemas.ts';
import { api } from '../lib/api-client.ts';
import { useMe } from '../lib/session.ts';

/** For admins: the holiday calendar lacks a year legal deadlines already reach (from 1 November, next year). */
export function CalendarWarning() {
  const { t } = useTranslation('admin');
  const { data: me } = useMe();
  const isAdmin = me?.roles.includes('admin') ?? false;
  const status = useQuery({
    queryKey: ['calendar', 'status'],
    queryFn: ({ signal }) => api.get<CalendarStatusView>('/calendar/status', {}, signal),
    enabled: isAdmin,
    staleTime: 3_600_000,
  });
  const year = status.data?.missingYear;
  if (!isAdmin || year === null || year === undefined) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="calendar-warning"
      title={t('calendarWarning.title', { year })}
      description={t('calendarWarning.body', { year })}
      style={{ marginBottom: 16 }}
    />
  );
}
