import { useMutation } from '@apollo/client/react';
import { Alert, Button, Form, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../confirm-button';
import { graphql } from '../../gql';
import type { DelegateInput } from '../../gql/graphql';
import { Failure, Nothing } from '../../states';
import { formatVenueMoment } from '../../time-zones';
import type { ActivityDetails } from './activity';
import { LIVE_REGISTRATION, RegistrationStatusTag } from './activity-format';
import { BLANK_DELEGATE, DelegateFields, REGISTER_DELEGATES, RegisteredAlert, registrationInput, type Registered } from './delegate-fields';

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

type Mine = ActivityDetails['myRegistrations'][number];
// The activity's seats and the list move with every registration: the page reads them again.
const REFETCH = { refetchQueries: ['ActivityPage'], awaitRefetchQueries: true };

/**
 * Members of an organisation at an activity: its delegates (status, place on the waiting list, cancel one) and the
 * form that registers more (name, e-mail, position), each taking a free seat or a place on the waiting list.
 */
export function MyDelegates({ activity }: { activity: ActivityDetails }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ delegates: DelegateInput[] }>();
  const [register, registering] = useMutation(REGISTER_DELEGATES, REFETCH);
  const [cancel, cancelling] = useMutation(CANCEL, REFETCH);
  const [registered, setRegistered] = useState<Registered[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const open = activity.status === 'OPEN' && Date.parse(activity.registrationDeadline) > Date.now();

  const submit = async ({ delegates }: { delegates: DelegateInput[] }) => {
    setFailure(null);
    setRegistered([]);
    try {
      const { data } = await register({ variables: { input: registrationInput(activity.id, delegates) } });
      setRegistered(data?.registerDelegates ?? []);
      form.resetFields();
    } catch (error) {
      // Refusals name the list ("… is listed twice") or the activity (closed): above the form.
      setFailure(error);
    }
  };
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
      {registered.length > 0 && <RegisteredAlert registered={registered} />}
      {failure !== null && <Failure error={failure} />}
      <Typography.Title level={4}>{t('activities.delegates.register')}</Typography.Title>
      {!open ? (
        <Alert type="info" showIcon title={t('activities.delegates.closed')} />
      ) : (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ delegates: [BLANK_DELEGATE] }}
          disabled={registering.loading}
          onFinish={(values) => void submit(values)}
        >
          <Typography.Paragraph type="secondary">
            {t('activities.delegates.hint', { deadline: formatVenueMoment(activity.registrationDeadline, activity.timeZone) })}
          </Typography.Paragraph>
          <DelegateFields />
          <Button type="primary" htmlType="submit" loading={registering.loading} style={{ marginTop: 16 }}>
            {t('activities.delegates.submit')}
          </Button>
        </Form>
      )}
    </Space>
  );
}
