import { Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RoleTags } from '../../components/role-tags.tsx';
import { useMe } from '../../lib/session.ts';

export function HomePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (!me) return null;
  return (
    <Card data-testid="home-welcome">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('home.welcome', { name: me.displayName })}
      </Typography.Title>
      <Descriptions column={1} size="small" styles={{ label: { width: 120 } }}>
        <Descriptions.Item label={t('home.district')}>
          {me.districtName} <Typography.Text type="secondary">({me.districtCode})</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('home.orgUnit')}>{me.orgUnitName ?? t('home.noOrgUnit')}</Descriptions.Item>
        <Descriptions.Item label={t('home.roles')}>
          <RoleTags roles={me.roles} />
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
        {t('home.dashboardSoon')}
      </Typography.Paragraph>
    </Card>
  );
}
