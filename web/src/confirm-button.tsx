import { Button, Popconfirm } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A button whose move is asked once more ("Yes" / "No") before it is made. */
export function ConfirmButton({
  question,
  onConfirm,
  loading,
  primary = false,
  size,
  children,
}: {
  question: string;
  onConfirm: () => void;
  loading?: boolean;
  primary?: boolean;
  size?: 'small' | 'middle';
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Popconfirm title={question} okText={t('common.yes')} cancelText={t('common.no')} onConfirm={onConfirm}>
      <Button type={primary ? 'primary' : 'default'} loading={loading} size={size}>
        {children}
      </Button>
    </Popconfirm>
  );
}
