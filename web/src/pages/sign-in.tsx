import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, Form, Input, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { graphql } from '../gql';
import { useSession } from '../session';
import { Failure } from '../states';

const DEMO_ACCOUNTS = graphql(`
  query DemoAccounts {
    demoAccounts {
      role
      email
      organization
    }
  }
`);

const LOGIN = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
      refreshToken
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
  const [form] = Form.useForm<{ email: string; password: string }>();
  const demo = useQuery(DEMO_ACCOUNTS).data?.demoAccounts ?? [];
  const next = params.get('next');
  const submit = async ({ email, password }: { email: string; password: string }) => {
    const { data } = await login({ variables: { email, password } }).catch(() => ({ data: undefined }));
    if (!data) return;
    await session.signedIn(data.login.token, data.login.refreshToken);
    void navigate(next && next.startsWith('/') ? next : '/');
  };
  return (
    <Card style={{ maxWidth: 420, margin: '48px auto' }}>
      <Typography.Title level={3}>{t('signIn.title')}</Typography.Title>
      {error && <Failure error={error} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={(values: { email: string; password: string }) => void submit(values)}
        requiredMark={false}
      >
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
      {demo.length > 0 && (
        <section aria-labelledby="demo-accounts" style={{ marginTop: 24 }}>
          <Typography.Title level={5} id="demo-accounts">
            {t('signIn.demoAccounts')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('signIn.demoHint')}</Typography.Paragraph>
          <List
            size="small"
            dataSource={demo}
            renderItem={(account) => (
              <List.Item key={account.email}>
                <Button
                  type="link"
                  style={{ padding: 0, height: 'auto', textAlign: 'left' }}
                  onClick={() => form.setFieldsValue({ email: account.email })}
                >
                  <span>
                    <strong>{t(`role.${account.role}`)}</strong> · {account.email}
                    <br />
                    <Typography.Text type="secondary">{account.organization}</Typography.Text>
                  </span>
                </Button>
              </List.Item>
            )}
          />
        </section>
      )}
    </Card>
  );
}
