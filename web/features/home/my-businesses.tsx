import { Card, Col, Descriptions, Empty, Row, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BusinessCategory } from '../../../server/modules/registry/registry.schemas.ts';
import { ColourTag, useEntityColour } from '../../components/colour-explanation.tsx';
import { formatDate } from '../../lib/date-format.ts';
import { type MyBusiness, useMyBusinesses, useUnitGrade } from './api.ts';

const gradeColours: Record<string, string> = { excellent: 'green', good: 'blue', fair: 'gold' };

/** Where an operator works on a business of this category (beyond the registry card every one has). */
const moduleLinks: Partial<Record<BusinessCategory, { to: string; labelKey: string }[]>> = {
  catering: [{ to: '/food-safety/shops/:id', labelKey: 'home.business.shop' }],
  pharmacy: [
    { to: '/pharmacies/counter', labelKey: 'home.business.counter' },
    { to: '/pharmacies/attendance', labelKey: 'home.business.attendance' },
  ],
  special_equipment_user: [
    { to: '/special-equipment', labelKey: 'home.business.equipment' },
    { to: '/special-equipment/hazards', labelKey: 'home.business.hazards' },
  ],
};

/** A catering unit's colour and grade, what is due next, and its public page and sticker. */
function CateringFacts({ entityId }: { entityId: number }) {
  const { t } = useTranslation(['shell', 'food-safety']);
  const colour = useEntityColour(entityId);
  const grade = useUnitGrade(entityId);
  const current = grade.data?.grade ?? null;
  const token = colour.data?.token ?? null;
  return (
    <>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('home.business.colour')}>
          {colour.data ? <ColourTag colour={colour.data.colour} /> : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('home.business.grade')}>
          {current?.dynamicGrade ? (
            <Tag color={gradeColours[current.dynamicGrade]}>{t(`food-safety:grades.${current.dynamicGrade}`)}</Tag>
          ) : (
            t('food-safety:grades.none')
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('home.business.lastInspected')}>
          {current?.lastInspectedOn ? formatDate(current.lastInspectedOn) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('home.business.nextDue')}>{current ? formatDate(current.nextDueOn) : '—'}</Descriptions.Item>
      </Descriptions>
      <Space wrap size={[12, 4]}>
        {token ? (
          <>
            <a href={`/p/${token}`} target="_blank" rel="noopener">
              {t('home.publicPage')}
            </a>
            <a href={`/api/v1/risk-code/stickers?entityId=${entityId}`} target="_blank" rel="noopener">
              {t('home.business.sticker')}
            </a>
          </>
        ) : null}
      </Space>
    </>
  );
}

function BusinessCard({ business }: { business: MyBusiness }) {
  const { t } = useTranslation(['shell', 'registry']);
  const links = moduleLinks[business.businessCategory] ?? [];
  return (
    <Card
      size="small"
      title={business.name}
      data-testid={`my-business-${business.id}`}
      extra={<Tag>{t(`registry:categories.${business.businessCategory}`, { defaultValue: business.businessCategory })}</Tag>}
    >
      {business.businessCategory === 'catering' ? <CateringFacts entityId={business.id} /> : null}
      <Space wrap size={[12, 4]} style={{ marginTop: 8 }}>
        {links.map((link) => (
          <Link key={link.to} to={link.to.replace(':id', String(business.id))}>
            {t(link.labelKey)}
          </Link>
        ))}
        <Link to={`/registry/entities/${business.id}`}>{t('home.business.registry')}</Link>
        <Link to="/credit">{t('home.business.credit')}</Link>
      </Space>
    </Card>
  );
}

/** An operator's businesses (a chain may have several), each with what its owner checks first. */
export function MyBusinesses() {
  const { t } = useTranslation('shell');
  const businesses = useMyBusinesses();
  const items = businesses.data?.items ?? [];
  return (
    <Card size="small" title={t('home.shopTitle')} loading={businesses.isLoading} data-testid="my-businesses">
      {items.length === 0 ? (
        <Empty description={t('home.business.none')} />
      ) : (
        <Row gutter={[12, 12]}>
          {items.map((business) => (
            <Col xs={24} xl={12} key={business.id}>
              <BusinessCard business={business} />
            </Col>
          ))}
        </Row>
      )}
      {(businesses.data?.total ?? 0) > items.length ? (
        <Link to="/registry" style={{ display: 'block', marginTop: 8 }}>
          {t('home.business.all', { count: businesses.data?.total })}
        </Link>
      ) : null}
    </Card>
  );
}
