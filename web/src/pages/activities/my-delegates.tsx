import { useMutation } from '@apollo/client/react';
import { Alert, Button, Col, Form, Input, Row, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../confirm-button';
import { graphql } from '../../gql';
import type { DelegateInput } from '../../gql/graphql';
import { Failure, Nothing } from '../../states';
import { formatVenueMoment } from '../../time-zones';
import type { ActivityDetails } from './activity';
import { LIVE_REGISTRATION, RegistrationStatusTag } from './activity-format';

const REGISTER = graphql(`
  mutation RegisterDelegates($input: RegisterDelegatesInput!) {
    registerDelegates(input: $input) {
      id
      delegateName
      status
      waitingListPosition
    }
  }
`);

const CANCEL = graphql(`
  mutation CancelMyRegistration($id: ID!) {
    cancelRegistration(id: $id) {
      id
      status
      waitingListPosition
      reason
      version
    }
  }
`);

type Registered = { id: string; delegateName: string; status: string; waitingListPosition?: number | null };
type Mine = ActivityDetails['myRegistrations'][number];
const BLANK: DelegateInput = { name: '', email: '', position: '' };
// The activity's seats and the list move with every registration: the page reads them again.
const REFETCH = { refetchQueries: ['ActivityPage'], awaitRefetchQueries: true };

/**
 * Members of an organisation at an activity: its delegates (status, place on the waiting list, cancel one) and the
 * form that registers more (name, e-mail, position), each taking a free seat or a place on the waiting list.
 */
export function MyDelegates({ activity }: { activity: ActivityDetails }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ delegates: DelegateInput[] }>();
  const [register, registering] = useMutation(REGISTER, REFETCH);
  const [cancel, cancelling] = useMutation(CANCEL, REFETCH);
  const [registered, setRegistered] = useState<Registered[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const open = activity.status === 'OPEN' && Date.parse(activity.registrationDeadline) > Date.now();

  const submit = async ({ delegates }: { delegates: DelegateInput[] }) => {
    setFailure(null);
    setRegistered([]);
    try {
      const { data } = await register({
        variables: {
          input: {
            activityId: activity.id,
            delegates: delegates.map((d) => ({ name: d.name.trim(), email: d.email.trim(), position: d.position?.trim() || null })),
          },
        },
      });
      setRegistered(data?.registerDelegates ?? []);
      form.resetFields();
    } catch (error) {
      // Refusals name the list ("… is listed twice") or the activity (closed): above the form.
      setFailure(error);
    }
  };
  const outcome = (r: Registered) =>
    r.status === 'WAITLISTED'
      ? t('activities.delegates.waitlisted', { name: r.delegateName, position: r.waitingListPosition ?? '?' })
      : t('activities.delegates.seatHeld', { name: r.delegateName });

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('activities.delegates.title')}</Typography.Title>
      {activity.myRegistrations.length === 0 ? (
        <Nothing text={t('activities.delegates.none')} />
      ) : (
        <Table<Mine>
          rowKey="id"
          dataSource={activity.myRegistrations}
          pagination={false}
          size="small"
          scroll={{ x: 640 }}
          columns={[
            {
              title: t('activities.delegates.name'),
              key: 'name',
              render: (_, r) => (
                <Space direction="vertical" size={0}>
                  <span>{r.delegateName}</span>
                  {r.delegatePosition && <Typography.Text type="secondary">{r.delegatePosition}</Typography.Text>}
                </Space>
              ),
            },
            { title: t('activities.delegates.email'), dataIndex: 'delegateEmail' },
            {
              title: t('activities.statusLabel'),
              key: 'status',
              render: (_, r) => (
                <Space direction="vertical" size={0}>
                  <RegistrationStatusTag status={r.status} position={r.waitingListPosition} />
                  {r.reason && <Typography.Text type="secondary">{r.reason}</Typography.Text>}
                </Space>
              ),
            },
            {
              title: t('activities.actions'),
              key: 'actions',
              render: (_, r) =>
                LIVE_REGISTRATION.includes(r.status) && (
                  <ConfirmButton
                    size="small"
                    question={t('activities.delegates.cancelConfirm', { name: r.delegateName })}
                    loading={cancelling.loading}
                    onConfirm={() => {
                      setFailure(null);
                      cancel({ variables: { id: r.id } }).catch(setFailure);
                    }}
                  >
                    {t('activities.delegates.cancel')}
                  </ConfirmButton>
                ),
            },
          ]}
        />
      )}
      {registered.length > 0 && (
        <Alert
          type="success"
          showIcon
          data-testid="registered"
          title={t('activities.delegates.registered')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {registered.map((r) => (
                <li key={r.id}>{outcome(r)}</li>
              ))}
            </ul>
          }
        />
      )}
      {failure !== null && <Failure error={failure} />}
      <Typography.Title level={4}>{t('activities.delegates.register')}</Typography.Title>
      {!open ? (
        <Alert type="info" showIcon title={t('activities.delegates.closed')} />
      ) : (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ delegates: [BLANK] }}
          disabled={registering.loading}
          onFinish={(values) => void submit(values)}
        >
          <Typography.Paragraph type="secondary">
            {t('activities.delegates.hint', { deadline: formatVenueMoment(activity.registrationDeadline, activity.timeZone) })}
          </Typography.Paragraph>
          <Form.List name="delegates">
            {(fields, { add, remove }) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                {fields.map((field, index) => (
                  <div key={field.key} role="group" aria-label={t('activities.delegates.delegateN', { n: index + 1 })}>
                    <Row gutter={12} align="bottom">
                      <Col xs={24} md={7}>
                        <Form.Item
                          name={[field.name, 'name']}
                          label={t('activities.delegates.name')}
                          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
                        >
                          <Input maxLength={200} autoComplete="off" />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={7}>
                        <Form.Item
                          name={[field.name, 'email']}
                          label={t('activities.delegates.email')}
                          rules={[
                            { required: true, whitespace: true, message: t('common.required') },
                            { type: 'email', message: t('activities.delegates.emailInvalid') },
                          ]}
                        >
                          <Input type="email" maxLength={320} autoComplete="off" />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={7}>
                        <Form.Item name={[field.name, 'position']} label={t('activities.delegates.position')}>
                          <Input maxLength={200} autoComplete="off" />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={3}>
                        {fields.length > 1 && (
                          <Form.Item>
                            <Button onClick={() => remove(field.name)}>{t('activities.delegates.remove')}</Button>
                          </Form.Item>
                        )}
                      </Col>
                    </Row>
                  </div>
                ))}
                {fields.length < 20 && <Button onClick={() => add(BLANK)}>{t('activities.delegates.add')}</Button>}
              </Space>
            )}
          </Form.List>
          <Button type="primary" htmlType="submit" loading={registering.loading} style={{ marginTop: 16 }}>
            {t('activities.delegates.submit')}
          </Button>
        </Form>
      )}
    </Space>
  );
}
