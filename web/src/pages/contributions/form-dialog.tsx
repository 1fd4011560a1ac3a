import { Form, Modal, Space, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { showFieldError } from '../../forms';
import { Failure } from '../../states';

/**
 * A form in a dialog that sends one mutation: the server's refusal of a field shows at that field, any other error
 * above the form; the dialog closes only once the server took it.
 */
export function FormDialog<T extends object>({
  title,
  okText,
  form,
  initialValues,
  onSubmit,
  onClose,
  width = 640,
  children,
}: {
  title: string;
  okText: string;
  form: FormInstance<T>;
  initialValues: Partial<T>;
  onSubmit: (values: T) => Promise<unknown>;
  onClose: () => void;
  width?: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    setFailure(null);
    try {
      await onSubmit({ ...initialValues, ...(form.getFieldsValue(true) as T) });
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
      onOk={() => void submit()}
      onCancel={onClose}
      width={width}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {failure !== null && <Failure error={failure} />}
        <Form form={form} layout="vertical" initialValues={initialValues} onFinish={() => void submit()}>
          {children}
        </Form>
      </Space>
    </Modal>
  );
}
