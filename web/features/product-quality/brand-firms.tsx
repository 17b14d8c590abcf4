import { Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type BrandFirmList, useBrandFirms } from './api.ts';

type Firm = BrandFirmList['items'][number];

/** 品字标浙江制造 firms of the district (registry entities), their certificates with expiry, and new firms per year. */
export function BrandFirms() {
  const { t } = useTranslation('product-quality');
  const firms = useBrandFirms();
  return (
    <Flex vertical gap={12}>
      {firms.data ? (
        <Typography.Text data-testid="brand-new-by-year">
          {t('brands.newByYear')}：{firms.data.newByYear.map((row) => t('brands.yearFirms', row)).join('，')}
        </Typography.Text>
      ) : null}
      <Table<Firm>
        rowKey="id"
        size="small"
        loading={firms.isLoading}
        dataSource={firms.data?.items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('fields.entity'),
            dataIndex: 'entityName',
            render: (value: string, row) => <Link to={`/registry/entities/${row.entityId}`}>{value}</Link>,
          },
          { title: t('fields.creditCode'), dataIndex: 'creditCode' },
          { title: t('fields.firstCertifiedOn'), dataIndex: 'firstCertifiedOn' },
          { title: t('fields.ledStandards'), dataIndex: 'ledStandards', render: (value: string[]) => value.join('、') },
          {
            title: t('fields.certificates'),
            dataIndex: 'certificates',
            render: (certificates: Firm['certificates']) => (
              <Flex vertical gap={2}>
                {certificates.map((certificate) => (
                  <span key={certificate.certificateNumber}>
                    {certificate.productName}（{certificate.certificateNumber}，{t('brands.validUntil', { day: certificate.validUntil })}）
                    {certificate.isExpired ? <Tag color="red">{t('brands.expired')}</Tag> : null}
                    {certificate.isExpiringSoon ? <Tag color="orange">{t('brands.expiring')}</Tag> : null}
                  </span>
                ))}
              </Flex>
            ),
          },
        ]}
      />
    </Flex>
  );
}
