import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmButton } from '../../confirm-button';
import { formatMoney, labelOf } from '../../format';
import { graphql } from '../../gql';
import { OrganizationSelect } from '../../organization-select';
import type { OrganizationKind, ProgrammePageQuery } from '../../gql/graphql';
import { useSession } from '../../session';
import { Failure, Loading, Nothing } from '../../states';
import { formatVenueRange } from '../../time-zones';
import { activityTitle, ActivityStatusTag } from '../activities/activity-format';
import './messages';
import { periodOf } from './programme-format';

const PROGRAMME = graphql(`
  query ProgrammePage($id: ID!) {
    programme(id: $id) {
      id
      nameEn
      nameZh
      sponsor
      description
      startsOn
      endsOn
      budget
      currency
      version
      sdgTargets {
        code
        labelEn
        labelZh
      }
      members {
        id
        nameEn
        nameZh
        kind
        country {
          code
          nameEn
          nameZh
        }
      }
    }
    activities(programmeId: $id, first: 50) {
      edges {
        node {
          id
          kind
          status
          title
          titleZh
          startsAt
          endsAt
          timeZone
        }
      }
    }
  }
`);

const ADD_MEMBERS = graphql(`
  mutation AddProgrammeMembers($programmeId: ID!, $organizationIds: [ID!]!) {
    addProgrammeMembers(programmeId: $programmeId, organizationIds: $organizationIds) {
      id
      version
      members {
        id
        nameEn
        nameZh
        kind
        country {
          code
          nameEn
          nameZh
        }
      }
    }
  }
`);

const REMOVE_MEMBER = graphql(`
  mutation RemoveProgrammeMember($programmeId: ID!, $organizationId: ID!) {
    removeProgrammeMember(programmeId: $programmeId, organizationId: $organizationId) {
      id
      version
      members {
        id
      }
    }
  }
`);

type Member = ProgrammePageQuery['programme']['members'][number];
/** Who can take part: joint centres, partner agencies, member enterprises (the secretariat runs programmes). */
const MEMBER_KINDS: OrganizationKind[] = ['RESEARCH_CENTRE', 'AGENCY', 'ENTERPRISE'];

/** Anyone: a programme — sponsor, period, budget, SDG 6 targets, members and activities; coordinators edit it and its members. */
export function ProgrammePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useSession();
  const navigate = useNavigate();
  const { data, error, loading, refetch } = useQuery(PROGRAMME, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const coordinator = user?.role === 'COORDINATOR';
  if (loading && !data) return <Loading />;
  if (!data) return <Failure error={error} retry={() => void refetch()} />;
  const programme = data.programme;
  const activities = data.activities.edges.map((edge) => edge.node);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Link to="/programmes">← {t('programmes.title')}</Link>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {labelOf(programme)}
        </Typography.Title>
        {coordinator && <Button onClick={() => void navigate(`/programmes/${programme.id}/edit`)}>{t('programmes.edit')}</Button>}
      </Space>
      <Descriptions bordered column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('programmes.sponsor')}>{programme.sponsor}</Descriptions.Item>
        <Descriptions.Item label={t('programmes.period')}>{periodOf(t, programme)}</Descriptions.Item>
        <Descriptions.Item label={t('programmes.budget')}>{formatMoney(programme.budget, programme.currency)}</Descriptions.Item>
        <Descriptions.Item label={t('programmes.sdg')}>
          {programme.sdgTargets.length ? (
            <Space wrap size={4}>
              {programme.sdgTargets.map((term) => (
                <Tag key={term.code}>{`${term.code} ${labelOf(term)}`}</Tag>
              ))}
            </Space>
          ) : (
            '—'
          )}
        </Descriptions.Item>
      </Descriptions>
      {programme.description && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{programme.description}</Typography.Paragraph>}

      <Typography.Title level={3}>{t('programmes.members')}</Typography.Title>
      {coordinator && <AddMembers programmeId={programme.id} members={programme.members} />}
      {programme.members.length === 0 ? (
        <Nothing text={t('programmes.noMembers')} />
      ) : (
        <MembersTable programmeId={programme.id} members={programme.members} editable={coordinator} />
      )}

      <Typography.Title level={3}>{t('programmes.activities')}</Typography.Title>
      {activities.length === 0 ? (
        <Nothing text={t('programmes.noActivities')} />
      ) : (
        <Table
          rowKey="id"
          dataSource={activities}
          pagination={false}
          size="small"
          scroll={{ x: 640 }}
          columns={[
            {
              title: t('activities.activity'),
              key: 'title',
              render: (_, a) => <Link to={`/activities/${a.id}`}>{activityTitle(a)}</Link>,
            },
            { title: t('activities.dates'), key: 'when', render: (_, a) => formatVenueRange(a.startsAt, a.endsAt, a.timeZone, false) },
            { title: t('activities.statusLabel'), key: 'status', render: (_, a) => <ActivityStatusTag status={a.status} /> },
          ]}
        />
      )}
    </Space>
  );
}

function MembersTable({ programmeId, members, editable }: { programmeId: string; members: Member[]; editable: boolean }) {
  const { t } = useTranslation();
  const [remove, removing] = useMutation(REMOVE_MEMBER);
  const [failure, setFailure] = useState<unknown>(null);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {failure !== null && <Failure error={failure} />}
      <Table<Member>
        rowKey="id"
        data-testid="programme-members"
        dataSource={members}
        pagination={false}
        size="small"
        scroll={{ x: 560 }}
        columns={[
          { title: t('programmes.memberName'), key: 'name', render: (_, m) => labelOf(m) },
          { title: t('programmes.memberKind'), key: 'kind', render: (_, m) => t(`programmes.kind.${m.kind}`) },
          { title: t('activities.country'), key: 'country', render: (_, m) => labelOf(m.country) },
          ...(editable
            ? [
                {
                  title: t('activities.actions'),
                  key: 'actions',
                  render: (_: unknown, m: Member) => (
                    <ConfirmButton
                      size="small"
                      loading={removing.loading}
                      question={t('programmes.removeConfirm', { name: labelOf(m) })}
                      onConfirm={() => {
                        setFailure(null);
                        remove({ variables: { programmeId, organizationId: m.id }, refetchQueries: ['ProgrammePage'] }).catch(setFailure);
                      }}
                    >
                      {t('programmes.remove')}
                    </ConfirmButton>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
}

/** Coordinators: find verified centres, agencies and enterprises by name and add them. */
function AddMembers({ programmeId, members }: { programmeId: string; members: Member[] }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [add, adding] = useMutation(ADD_MEMBERS);
  const submit = async () => {
    setFailure(null);
    try {
      await add({ variables: { programmeId, organizationIds: chosen } });
      setChosen([]);
    } catch (caught) {
      setFailure(caught);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <label htmlFor="programme-new-members">
        <Typography.Text strong>{t('programmes.addMembersLabel')}</Typography.Text>{' '}
        <Typography.Text type="secondary">{t('programmes.addMembersHint')}</Typography.Text>
      </label>
      <Space wrap style={{ width: '100%' }}>
        <OrganizationSelect
          id="programme-new-members"
          mode="multiple"
          kinds={MEMBER_KINDS}
          exclude={new Set(members.map((m) => m.id))}
          describe={(o) => `${labelOf(o)} · ${t(`programmes.kind.${o.kind}`)}`}
          notFound={t('programmes.noCandidates')}
          style={{ minWidth: 360, maxWidth: '100%' }}
          value={chosen}
          onChange={setChosen}
        />
        <Button type="primary" disabled={chosen.length === 0} loading={adding.loading} onClick={() => void submit()}>
          {t('programmes.addMembers')}
        </Button>
      </Space>
      {failure !== null && <Failure error={failure} />}
    </Space>
  );
}
