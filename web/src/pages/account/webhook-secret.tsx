import { Alert, Button, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A signing secret, shown this once (after a create or a rotation): copy it, then dismiss it; it cannot be read again. */
export function WebhookSecret({ url, secret, onDismiss }: { url: string; secret: string; onDismiss: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = () =>
    void navigator.clipboard
      .writeText(secret)
      .then(() => setCopied(true))
      .catch(() => undefined);
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="webhook-secret"
      title={t('account.webhooks.secretTitle', { url })}
      description={
        <Space direction="vertical" style={{ width: '100%' }}>
          <strong>{t('account.webhooks.secretWarning')}</strong>
          <Space wrap style={{ width: '100%' }}>
            <Input
              readOnly
              aria-label={t('account.webhooks.secretLabel')}
              value={secret}
              style={{ fontFamily: 'monospace', width: 460, maxWidth: '100%' }}
              onFocus={(event) => event.target.select()}
            />
            <Button onClick={copy}>{copied ? t('account.webhooks.copied') : t('account.webhooks.copy')}</Button>
            <Button type="primary" onClick={onDismiss}>
              {t('account.webhooks.dismiss')}
            </Button>
          </Space>
        </Space>
      }
    />
  );
}
