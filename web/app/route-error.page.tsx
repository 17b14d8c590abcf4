import { Button, Result, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useNavigate, useRouteError } from 'react-router';

/** A page's code that could not be fetched: offline before it was ever cached, or a deploy replaced it. */
function isMissingCode(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    /dynamically imported module|Importing a module script failed|error loading dynamically/i.test(error.message)
  );
}

/**
 * What any route shows when it fails, in the user's language, with a way back: retry and home. The developer's
 * message never reaches the user; it goes to the console.
 */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const error = useRouteError();
  console.error(error);
  const isNotFound = isRouteErrorResponse(error) && error.status === 404;
  const isOffline = typeof navigator !== 'undefined' && !navigator.onLine;
  const subTitle = isNotFound
    ? t('errors.notFound')
    : isMissingCode(error)
      ? isOffline
        ? t('errors.pageOffline')
        : t('errors.pageUpdated')
      : t('errors.pageFailed');
  return (
    <main>
      <Result
        status={isNotFound ? '404' : 'warning'}
        title={isNotFound ? t('errors.notFoundTitle') : t('errors.pageFailedTitle')}
        subTitle={subTitle}
        extra={
          <Space wrap>
            <Button type="primary" onClick={() => window.location.reload()} data-testid="route-error-retry">
              {t('actions.retry')}
            </Button>
            <Button onClick={() => navigate(-1)}>{t('actions.back')}</Button>
            <Button onClick={() => window.location.assign('/')}>{t('actions.backHome')}</Button>
          </Space>
        }
        data-testid="route-error"
      />
    </main>
  );
}
