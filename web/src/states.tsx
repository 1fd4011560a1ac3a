import { Alert, Button, Empty, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from './apollo';

/** Loading, empty and error states, the same on every page. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin description={t('common.loading')} />
    </div>
  );
}

export function Nothing({ text }: { text?: string }) {
  const { t } = useTranslation();
  return <Empty description={text ?? t('common.empty')} />;
}

export function Failure({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useTranslation();
  const { message, code } = describeError(error);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('common.error')}
      description={
        <>
          <div>{message}</div>
          {code && <div data-testid="error-code">{t('common.errorCode', { code })}</div>}
        </>
      }
      action={retry && <Button onClick={retry}>{t('common.retry')}</Button>}
    />
  );
}
