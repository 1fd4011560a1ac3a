import { Form, Modal, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { showFieldError } from '../../forms';
import { Failure } from '../../states';

/**
 * A form in a dialog that saves through the API: the server's refusal of a field shows at that field, any other
 * error above the form; the dialog closes only once saved.
 */
export function FormModal<T extends object>({
  title,
  form,
  initialValues,
  onSave,
  onClose,
  children,
}: {
  title: string;
  form: FormInstance<T>;
  initialValues: T;
  onSave: (values: T) => Promise<unknown>;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const save = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    setFailure(null);
    try {
      // validateFields leaves out fields not rendered; the whole store keeps every key the API takes.
      await onSave({ ...initialValues, ...(form.getFieldsValue(true) as T) });
      onClose();
    } catch (error) {
      if (!showFieldError(form, error)) setFailure(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={title}
      okText={t('enterprise.save')}
      cancelText={t('enterprise.cancel')}
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      width={720}
    >
      {failure ? <Failure error={failure} /> : null}
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={() => void save()}>
        {children}
      </Form>
    </Modal>
  );
}
