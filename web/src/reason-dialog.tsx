import { Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showFieldError } from './forms';
import { Failure } from './states';

/**
 * A move that takes a reason (refuse, decline, cancel) or a text (a report): asked in a dialog, sent, and closed once
 * the server took it; its refusal shows at the field or above it.
 */
export function ReasonDialog({
  title,
  okText,
  label,
  required = true,
  rows = 3,
  maxLength = 500,
  onSubmit,
  onClose,
}: {
  title: string;
  okText: string;
  /** The field's label; "Reason" when left out. */
  label?: string;
  required?: boolean;
  rows?: number;
  maxLength?: number;
  onSubmit: (reason: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const submit = async ({ reason }: { reason: string }) => {
    setBusy(true);
    setFailure(null);
    try {
      await onSubmit(reason.trim());
      onClose();
    } catch (error) {
      if (!showFieldError(form, error)) setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={title}
      okText={okText}
      okButtonProps={{ loading: busy }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {failure !== null && <Failure error={failure} />}
        <Form form={form} layout="vertical" initialValues={{ reason: '' }} onFinish={(values) => void submit(values)}>
          <Form.Item
            name="reason"
            label={label ?? t('common.reason')}
            rules={required ? [{ required: true, whitespace: true, message: t('common.reasonRequired') }] : []}
          >
            <Input.TextArea rows={rows} maxLength={maxLength} showCount />
          </Form.Item>
        </Form>
      </Space>
    </Modal>
  );
}
