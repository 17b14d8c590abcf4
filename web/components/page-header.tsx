import { Flex, Typography } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

interface PageHeaderProps {
  title: ReactNode;
  extra?: ReactNode;
}

/** The browser tab names the page a person is on: "title · 智监". */
export function useDocumentTitle(title: string | undefined) {
  const { t } = useTranslation('shell');
  const product = t('product.name');
  useEffect(() => {
    document.title = title ? `${title} · ${product}` : t('product.fullName');
  }, [title, product, t]);
}

export function PageHeader({ title, extra }: PageHeaderProps) {
  useDocumentTitle(typeof title === 'string' ? title : undefined);
  return (
    <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {extra ? (
        <Flex gap={8} wrap>
          {extra}
        </Flex>
      ) : null}
    </Flex>
  );
}
