import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Form, Select, Space, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, labelOf } from '../../format';
import { graphql } from '../../gql';
import type { ActivityRegistrationsQuery, DelegateInput, RegistrationStatus } from '../../gql/graphql';
import { OrganizationSelect } from '../../organization-select';
import { ReasonDialog } from '../../reason-dialog';
import { Failure, Loading, Nothing } from '../../states';
import type { ActivityDetails } from './activity';
import { FormDialog } from '../contributions/form-dialog';
import { LIVE_REGISTRATION, RegistrationStatusTag } from './activity-format';
import { BLANK_DELEGATE, DelegateFields, REGISTER_DELEGATES, RegisteredAlert, registrationInput, type Registered } from './delegate-fields';

const REGISTRATIONS = graphql(`
  query ActivityRegistrations($activityId: ID!, $status: RegistrationStatus, $first: Int!, $after: String) {
    activityRegistrations(activityId: $activityId, status: $status, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          delegateName
          delegateEmail
          delegatePosition
          status
          waitingListPosition
          reason
          createdAt
          version
          organization {
            id
            nameEn
            nameZh
          }
        }
      }
    }
  }
`);

const CONFIRM = graphql(`
  mutation ConfirmRegistration($id: ID!) {
    confirmRegistration(id: $id) {
      id
      status
      version
    }
  }
`);

const REFUSE = graphql(`
  mutation RefuseRegistration($id: ID!, $reason: String!) {
    refuseRegistration(id: $id, reason: $reason) {
      id
      status
      reason
      version
    }
  }
`);

const CANCEL = graphql(`
  mutation CancelRegistrationAsCoordinator($id: ID!, $reason: String) {
    cancelRegistration(id: $id, reason: $reason) {
      id
      status
      reason
      version
    }
  }
`);

type Row = ActivityRegistrationsQuery['activityRegistrations']['edges'][number]['node'];
const STATUSES: RegistrationStatus[] = ['PENDING', 'CONFIRMED', 'WAITLISTED', 'REFUSED', 'CANCELLED'];
const PAGE = 100;
// A refusal or a cancellation moves the waiting list up: the list and the seats are read again.
const REFETCH = { refetchQueries: ['ActivityRegistrations', 'ActivityPage'], awaitRefetchQueries: true };

/** Coordinators: every delegate registered for an activity; confirm a seat, refuse or cancel with a reason. */
export function Registrations({ activity }: { activity: ActivityDetails }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<RegistrationStatus | undefined>();
  const [failure, setFailure] = useState<unknown>(null);
  const [asking, setAsking] = useState<{ row: Row; move: 'refuse' | 'cancel' } | null>(null);
  const { data, error, loading, fetchMore, refetch } = useQuery(REGISTRATIONS, {
    variables: { activityId: activity.id, status, first: PAGE },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const [confirm, confirming] = useMutation(CONFIRM, REFETCH);
  const [refuse] = useMutation(REFUSE, REFETCH);
  const [cancel] = useMutation(CANCEL, REFETCH);
  const list = data?.activityRegistrations;
  const open = activity.status === 'OPEN' && Date.parse(activity.registrationDeadline) > Date.now();
  const [registering, setRegistering] = useState(false);
  const [registered, setRegistered] = useState<{ organization: string; delegates: Registered[] } | null>(null);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('activities.registrations.title')}
        </Typography.Title>
        <Space wrap>
          {open && (
            <Button type="primary" onClick={() => setRegistering(true)}>
              {t('activities.registrations.registerFor')}
            </Button>
          )}
          <Select
            aria-label={t('activities.registrations.statusFilter')}
            style={{ minWidth: 220 }}
            value={status ?? ''}
            onChange={(value: string) => setStatus((value || undefined) as RegistrationStatus | undefined)}
            options={[
              { value: '', label: t('activities.registrations.allStatuses') },
              ...STATUSES.map((value) => ({ value, label: t(`activities.registrationStatus.${value}`) })),
            ]}
          />
        </Space>
      </Space>
      {registered && <RegisteredAlert registered={registered.delegates} organization={registered.organization} />}
      {failure !== null && <Failure error={failure} />}
      {error && <Failure error={error} retry={() => void refetch()} />}
      {!list && loading && <Loading />}
      {list &&
        (list.edges.length === 0 ? (
          <Nothing text={t('activities.registrations.none')} />
        ) : (
          <Table<Row>
            rowKey="id"
            dataSource={list.edges.map((edge) => edge.node)}
            pagination={false}
            size="small"
            scroll={{ x: 900 }}
            columns={[
              {
                title: t('activities.delegates.name'),
                key: 'name',
                render: (_, r) => (
                  <Space direction="vertical" size={0}>
                    <span>{r.delegateName}</span>
                    <Typography.Text type="secondary">{[r.delegatePosition, r.delegateEmail].filter(Boolean).join(' · ')}</Typography.Text>
                  </Space>
                ),
              },
              { title: t('activities.registrations.organization'), key: 'org', render: (_, r) => labelOf(r.organization) },
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
              { title: t('activities.registrations.registeredAt'), key: 'at', render: (_, r) => formatDateTime(r.createdAt) },
              {
                title: t('activities.actions'),
                key: 'actions',
                render: (_, r) => (
                  <Space wrap size={4}>
                    {r.status === 'PENDING' && (
                      <Button
                        size="small"
                        type="primary"
                        loading={confirming.loading}
                        aria-label={t('activities.registrations.confirmNamed', { name: r.delegateName })}
                        onClick={() => {
                          setFailure(null);
                          confirm({ variables: { id: r.id } }).catch(setFailure);
                        }}
                      >
                        {t('activities.registrations.confirm')}
                      </Button>
                    )}
                    {(r.status === 'PENDING' || r.status === 'WAITLISTED') && (
                      <Button
                        size="small"
                        aria-label={t('activities.registrations.refuseNamed', { name: r.delegateName })}
                        onClick={() => setAsking({ row: r, move: 'refuse' })}
                      >
                        {t('activities.registrations.refuse')}
                      </Button>
                    )}
                    {LIVE_REGISTRATION.includes(r.status) && (
                      <Button
                        size="small"
                        aria-label={t('activities.registrations.cancelNamed', { name: r.delegateName })}
                        onClick={() => setAsking({ row: r, move: 'cancel' })}
                      >
                        {t('activities.delegates.cancel')}
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        ))}
      {list?.pageInfo.hasNextPage && (
        <Button
          loading={loading}
          onClick={() =>
            void fetchMore({
              variables: { after: list.pageInfo.endCursor },
              updateQuery: (previous, { fetchMoreResult }) => ({
                activityRegistrations: {
                  ...fetchMoreResult.activityRegistrations,
                  edges: [...previous.activityRegistrations.edges, ...fetchMoreResult.activityRegistrations.edges],
                },
              }),
            })
          }
        >
          {t('activities.more')}
        </Button>
      )}
      {registering && <RegisterForDialog activityId={activity.id} onRegistered={setRegistered} onClose={() => setRegistering(false)} />}
      {asking && (
        <ReasonDialog
          title={t(asking.move === 'refuse' ? 'activities.registrations.refuseTitle' : 'activities.registrations.cancelTitle', {
            name: asking.row.delegateName,
          })}
          okText={t(asking.move === 'refuse' ? 'activities.registrations.refuse' : 'activities.delegates.cancel')}
          required={asking.move === 'refuse'}
          onSubmit={(reason) =>
            asking.move === 'refuse'
              ? refuse({ variables: { id: asking.row.id, reason } })
              : cancel({ variables: { id: asking.row.id, reason: reason || null } })
          }
          onClose={() => setAsking(null)}
        />
      )}
    </Space>
  );
}

interface RegisterForValues {
  organizationId?: string;
  delegates: DelegateInput[];
}

/** Coordinators: delegates registered in a verified organisation's name, each taking a free seat or a place on the list. */
function RegisterForDialog({
  activityId,
  onRegistered,
  onClose,
}: {
  activityId: string;
  onRegistered: (registered: { organization: string; delegates: Registered[] }) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RegisterForValues>();
  const [register] = useMutation(REGISTER_DELEGATES, REFETCH);
  // The organisation's name as it was chosen, for the message.
  const names = useRef(new Map<string, string>()).current;
  const submit = async (values: RegisterForValues) => {
    const { data } = await register({ variables: { input: registrationInput(activityId, values.delegates, values.organizationId) } });
    onRegistered({ organization: names.get(values.organizationId!) ?? '', delegates: data?.registerDelegates ?? [] });
  };
  return (
    <FormDialog<RegisterForValues>
      title={t('activities.registrations.registerForTitle')}
      okText={t('activities.delegates.submit')}
      form={form}
      initialValues={{ delegates: [BLANK_DELEGATE] }}
      onSubmit={submit}
      onClose={onClose}
      width={900}
    >
      <Form.Item
        name="organizationId"
        label={t('activities.registrations.registerForOrganization')}
        extra={t('activities.registrations.registerForHint')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <OrganizationSelect
          kinds={['ENTERPRISE', 'AGENCY', 'RESEARCH_CENTRE']}
          describe={(o) => {
            names.set(o.id, labelOf(o));
            return labelOf(o);
          }}
        />
      </Form.Item>
      <DelegateFields />
    </FormDialog>
  );
}
