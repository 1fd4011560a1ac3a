import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Form, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../format';
import { showFieldError } from '../../forms';
import { graphql } from '../../gql';
import type { TestWebhookMutation, WebhooksQuery } from '../../gql/graphql';
import { Failure, Loading, Nothing } from '../../states';
import { SettingsTabs } from './settings';
import { WebhookFields, type WebhookValues } from './webhook-form';
import { WebhookSecret } from './webhook-secret';

const WEBHOOKS = graphql(`
  query Webhooks {
    webhooks {
      id
      url
      events
      active
      createdAt
    }
  }
`);

const CREATE = graphql(`
  mutation CreateWebhook($input: CreateWebhookInput!) {
    createWebhook(input: $input) {
      secret
      webhook {
        id
        url
      }
    }
  }
`);

const UPDATE = graphql(`
  mutation UpdateWebhook($input: UpdateWebhookInput!) {
    updateWebhook(input: $input) {
      id
      url
      events
      active
    }
  }
`);

const ROTATE = graphql(`
  mutation RotateWebhookSecret($id: ID!) {
    rotateWebhookSecret(id: $id) {
      secret
      webhook {
        id
        url
      }
    }
  }
`);

const TEST = graphql(`
  mutation TestWebhook($id: ID!) {
    testWebhook(id: $id) {
      ok
      statusCode
      durationMs
      error
    }
  }
`);

const DELETE = graphql(`
  mutation DeleteWebhook($id: ID!) {
    deleteWebhook(id: $id)
  }
`);

type Webhook = WebhooksQuery['webhooks'][number];
type WebhookTestResult = TestWebhookMutation['testWebhook'];

/**
 * Members: their organisation's webhooks. Create one (URL, events; the server's refusals at the fields), see its secret
 * once (after creation and rotation), edit, pause, test, delete, and open its delivery log.
 */
export function WebhooksPage() {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useQuery(WEBHOOKS);
  const [form] = Form.useForm<WebhookValues>();
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const [tested, setTested] = useState<{ url: string; result: WebhookTestResult } | null>(null);
  const [editing, setEditing] = useState<Webhook | null>(null);
  const [createError, setCreateError] = useState<unknown>(null);
  const [create, creating] = useMutation(CREATE, { refetchQueries: ['Webhooks'] });
  const [update, updating] = useMutation(UPDATE);
  const [rotate, rotating] = useMutation(ROTATE);
  const [test, testing] = useMutation(TEST);
  const [remove, removing] = useMutation(DELETE, { refetchQueries: ['Webhooks'] });
  const actionError = updating.error ?? rotating.error ?? testing.error ?? removing.error;

  const submit = async (values: WebhookValues) => {
    setCreateError(null);
    try {
      const { data: created } = await create({ variables: { input: { url: values.url, events: values.events } } });
      if (!created) return;
      setSecret({ url: created.createWebhook.webhook.url, secret: created.createWebhook.secret });
      form.resetFields();
    } catch (e) {
      if (!showFieldError(form, e)) setCreateError(e);
    }
  };
  const rotateSecret = async (webhook: Webhook) => {
    const { data: rotated } = await rotate({ variables: { id: webhook.id } }).catch(() => ({ data: undefined }));
    if (rotated) setSecret({ url: rotated.rotateWebhookSecret.webhook.url, secret: rotated.rotateWebhookSecret.secret });
  };
  const sendTest = async (webhook: Webhook) => {
    setTested(null);
    const { data: answer } = await test({ variables: { id: webhook.id } }).catch(() => ({ data: undefined }));
    if (answer) setTested({ url: webhook.url, result: answer.testWebhook });
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('account.webhooks.title')}</Typography.Title>
      <SettingsTabs />
      <Typography.Paragraph>{t('account.webhooks.intro')}</Typography.Paragraph>
      {secret && <WebhookSecret {...secret} onDismiss={() => setSecret(null)} />}
      {tested && <TestResult {...tested} onClose={() => setTested(null)} />}
      {actionError && <Failure error={actionError} />}
      {error && <Failure error={error} retry={() => void refetch()} />}
      {loading && !data && <Loading />}
      {data &&
        (data.webhooks.length === 0 ? (
          <Nothing text={t('account.webhooks.empty')} />
        ) : (
          <Table<Webhook>
            rowKey="id"
            dataSource={data.webhooks}
            pagination={false}
            scroll={{ x: true }}
            columns={[
              {
                title: t('account.webhooks.url'),
                dataIndex: 'url',
                render: (url: string) => <span style={{ wordBreak: 'break-all' }}>{url}</span>,
              },
              {
                title: t('account.webhooks.events'),
                render: (_, webhook) => (
                  <Space size={[0, 4]} wrap>
                    {webhook.events.map((type) => (
                      <Tag key={type}>{t(`account.eventType.${type}`)}</Tag>
                    ))}
                  </Space>
                ),
              },
              {
                title: t('account.webhooks.state'),
                render: (_, webhook) => <Tag>{webhook.active ? t('account.webhooks.active') : t('account.webhooks.paused')}</Tag>,
              },
              { title: t('account.webhooks.created'), render: (_, webhook) => formatDate(webhook.createdAt) },
              {
                title: t('account.actions'),
                render: (_, webhook) => (
                  <Space wrap size="small">
                    <Link to={`/settings/webhooks/${webhook.id}/deliveries`}>{t('account.webhooks.deliveries')}</Link>
                    <Button size="small" onClick={() => setEditing(webhook)}>
                      {t('account.webhooks.edit')}
                    </Button>
                    <Button
                      size="small"
                      onClick={() =>
                        void update({ variables: { input: { id: webhook.id, active: !webhook.active } } }).catch(() => undefined)
                      }
                    >
                      {webhook.active ? t('account.webhooks.pause') : t('account.webhooks.resume')}
                    </Button>
                    <Button size="small" loading={testing.loading} onClick={() => void sendTest(webhook)}>
                      {t('account.webhooks.test')}
                    </Button>
                    <Popconfirm title={t('account.webhooks.rotateConfirm')} onConfirm={() => void rotateSecret(webhook)}>
                      <Button size="small">{t('account.webhooks.rotate')}</Button>
                    </Popconfirm>
                    <Popconfirm
                      title={t('account.webhooks.deleteConfirm')}
                      onConfirm={() => void remove({ variables: { id: webhook.id } }).catch(() => undefined)}
                    >
                      <Button size="small">{t('account.webhooks.delete')}</Button>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]}
          />
        ))}
      <Card
        title={
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('account.webhooks.add')}
          </Typography.Title>
        }
      >
        {createError !== null && <Failure error={createError} />}
        <Form form={form} layout="vertical" requiredMark={false} onFinish={(values: WebhookValues) => void submit(values)}>
          <WebhookFields />
          <Button type="primary" htmlType="submit" loading={creating.loading}>
            {t('account.webhooks.create')}
          </Button>
        </Form>
      </Card>
      {editing && <EditWebhook webhook={editing} onClose={() => setEditing(null)} />}
    </Space>
  );
}

function TestResult({ url, result, onClose }: { url: string; result: WebhookTestResult; onClose: () => void }) {
  const { t } = useTranslation();
  const status = result.statusCode ?? t('account.webhooks.noAnswer');
  return (
    <Alert
      type={result.ok ? 'success' : 'error'}
      showIcon
      closable={{ onClose }}
      data-testid="webhook-test-result"
      title={url}
      description={
        result.ok
          ? t('account.webhooks.testOk', { status, ms: result.durationMs })
          : t('account.webhooks.testFailed', { status, error: result.error ?? '' })
      }
    />
  );
}

/** A webhook's URL and events, changed in a dialog; the server's refusals show at the fields. */
function EditWebhook({ webhook, onClose }: { webhook: Webhook; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<WebhookValues>();
  const [update, { loading, error }] = useMutation(UPDATE);
  const [atField, setAtField] = useState(false);
  const save = async (values: WebhookValues) => {
    const { data } = await update({ variables: { input: { id: webhook.id, ...values } } }).catch((e: unknown) => {
      setAtField(showFieldError(form, e));
      return { data: undefined };
    });
    if (data) onClose();
  };
  return (
    <Modal
      open
      title={t('account.webhooks.editTitle')}
      okText={t('account.save')}
      cancelText={t('account.cancel')}
      confirmLoading={loading}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {error && !atField && <Failure error={error} />}
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ url: webhook.url, events: webhook.events }}
        onFinish={(values: WebhookValues) => void save(values)}
      >
        <WebhookFields />
      </Form>
    </Modal>
  );
}
