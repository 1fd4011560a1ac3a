import { useMutation } from '@apollo/client/react';
import { Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { graphql } from '../gql';
import { useSession } from '../session';
import { Failure } from '../states';

const LOGIN = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
    }
  }
`);

/** Sign in; afterwards back to the page that asked for it (`?next=`). */
export function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const [login, { error, loading }] = useMutation(LOGIN);
  const next = params.get('next');
  const submit = async ({ email, password }: { email: string; password: string }) => {
    const { data } = await login({ variables: { email, password } }).catch(() => ({ data: undefined }));
    if (!data) return;
    await session.signedIn(data.login.token);
    void navigate(next && next.startsWith('/') ? next : '/');
  };
  return (
    <Card style={{ maxWidth: 420, margin: '48px auto' }}>
      <Typography.Title level={3}>{t('signIn.title')}</Typography.Title>
      {error && <Failure error={error} />}
      <Form layout="vertical" onFinish={(values: { email: string; password: string }) => void submit(values)} requiredMark={false}>
        <Form.Item label={t('signIn.email')} name="email" rules={[{ required: true, message: t('signIn.required') }]}>
          <Input type="email" autoComplete="username" />
        </Form.Item>
        <Form.Item label={t('signIn.password')} name="password" rules={[{ required: true, message: t('signIn.required') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={loading} block>
          {t('signIn.submit')}
        </Button>
      </Form>
    </Card>
  );
}
