import { useMutation } from '@apollo/client/react';
import { Button, Card, Form, Input, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { showFieldError } from '../../forms';
import { graphql } from '../../gql';
import { useSession } from '../../session';
import { Failure } from '../../states';
import { SettingsTabs } from './settings';

const CHANGE_PASSWORD = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

interface Values {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

/**
 * Anyone signed in: change one's password. The API signs out every session on success (this one too), so the page
 * then asks to sign in again; a wrong current password shows at its field.
 */
export function PasswordPage() {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [change, { data, error, loading }] = useMutation(CHANGE_PASSWORD);
  // An error the form shows at a field is not repeated above it.
  const [atField, setAtField] = useState(false);
  const submit = async ({ currentPassword, newPassword }: Values) => {
    await change({ variables: { currentPassword, newPassword } }).catch((e: unknown) => setAtField(showFieldError(form, e)));
  };
  const required = { required: true, message: t('account.required') };
  if (data?.changePassword)
    return (
      <Result
        status="success"
        title={t('account.password.done')}
        subTitle={t('account.password.doneHint')}
        extra={
          <Button type="primary" onClick={() => void signOut().then(() => navigate('/sign-in?next=%2Fsettings%2Fpassword'))}>
            {t('account.password.signInAgain')}
          </Button>
        }
      />
    );
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('account.password.title')}</Typography.Title>
      <SettingsTabs />
      <Card style={{ maxWidth: 520 }}>
        {error && !atField && <Failure error={error} />}
        <Form form={form} layout="vertical" requiredMark={false} onFinish={(values: Values) => void submit(values)}>
          <Form.Item label={t('account.password.current')} name="currentPassword" rules={[required]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item label={t('account.password.new')} name="newPassword" rules={[required]} extra={t('account.password.newHint')}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label={t('account.password.repeat')}
            name="repeat"
            dependencies={['newPassword']}
            rules={[
              required,
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('account.password.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={loading}>
            {t('account.password.submit')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
