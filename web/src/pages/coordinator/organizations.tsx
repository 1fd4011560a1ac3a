import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../../gql';
import type { OrganizationKind, OrganizationsQuery, VerificationStatus } from '../../gql/graphql';
import { formatDate, labelOf } from '../../format';
import { useSession } from '../../session';
import { Failure, Loading, Nothing } from '../../states';
import { KINDS, OrganizationDialog, STATUSES } from './organization-form';
import './messages';

const ORGANIZATIONS = graphql(`
  query Organizations(
    $verificationStatus: VerificationStatus
    $kind: OrganizationKind
    $nameContains: String
    $first: Int!
    $after: String
  ) {
    organizations(verificationStatus: $verificationStatus, kind: $kind, nameContains: $nameContains, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          nameEn
          nameZh
          kind
          verificationStatus
          createdAt
          website
          contactEmail
          country {
            code
            nameEn
            nameZh
          }
        }
      }
    }
  }
`);

const SET_VERIFICATION = graphql(`
  mutation SetOrganizationVerification($id: ID!, $status: VerificationStatus!) {
    setOrganizationVerification(id: $id, status: $status) {
      id
      verificationStatus
      updatedAt
    }
  }
`);

type Organization = OrganizationsQuery['organizations']['edges'][number]['node'];
const PAGE = 20;

/**
 * Coordinators and admins: the organisations to check, pending first by default, verified or rejected in one click.
 * Admins also register organisations and change them (the API lets only them).
 */
export function OrganizationsPage() {
  const { t } = useTranslation();
  const isAdmin = useSession().user?.role === 'ADMIN';
  // The dialog open: a new organisation ({}), or the one to change ({ id, name }).
  const [editing, setEditing] = useState<{ id?: string; name?: string } | null>(null);
  const [params, setParams] = useSearchParams();
  // Pending ones are the work to do; "all" is an explicit choice.
  const status = params.get('status') ?? 'PENDING';
  const kind = (params.get('kind') as OrganizationKind | null) ?? undefined;
  const name = params.get('name') ?? '';
  const { data, error, loading, fetchMore, refetch } = useQuery(ORGANIZATIONS, {
    variables: {
      verificationStatus: status === 'ALL' ? undefined : (status as VerificationStatus),
      kind,
      nameContains: name || undefined,
      first: PAGE,
    },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const [setVerification] = useMutation(SET_VERIFICATION);
  const [saving, setSaving] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  // The row stays where it is with its new status (the cache holds it), so the person sees what they did.
  const decide = async (organization: Organization, verificationStatus: VerificationStatus) => {
    setFailure(null);
    setSaving(organization.id);
    try {
      await setVerification({ variables: { id: organization.id, status: verificationStatus } });
    } catch (e) {
      setFailure(e);
    } finally {
      setSaving(null);
    }
  };
  const list = data?.organizations;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('nav.organizations')}</Typography.Title>
      {editing && <OrganizationDialog id={editing.id} name={editing.name} onClose={() => setEditing(null)} />}
      <Space wrap>
        {isAdmin && (
          <Button type="primary" onClick={() => setEditing({})}>
            {t('coordinator.organizations.create')}
          </Button>
        )}
        <Input.Search
          aria-label={t('coordinator.organizations.search')}
          placeholder={t('coordinator.organizations.search')}
          defaultValue={name}
          allowClear
          enterButton
          style={{ width: 320, maxWidth: '100%' }}
          onSearch={(value) => set('name', value.trim() || undefined)}
        />
        <Select
          aria-label={t('coordinator.organizations.status')}
          style={{ minWidth: 180 }}
          value={status}
          onChange={(value: string) => set('status', value === 'PENDING' ? undefined : value)}
          options={[
            ...STATUSES.map((s) => ({ value: s, label: t(`coordinator.verification.${s}`) })),
            { value: 'ALL', label: t('coordinator.organizations.anyStatus') },
          ]}
        />
        <Select
          aria-label={t('coordinator.organizations.kind')}
          style={{ minWidth: 160 }}
          value={kind ?? ''}
          onChange={(value: string) => set('kind', value || undefined)}
          options={[
            { value: '', label: t('coordinator.organizations.anyKind') },
            ...KINDS.map((k) => ({ value: k, label: t(`coordinator.kind.${k}`) })),
          ]}
        />
      </Space>
      {error && <Failure error={error} retry={() => void refetch()} />}
      {failure !== null && <Failure error={failure} />}
      {!list && loading && <Loading />}
      {list && (
        <>
          <Typography.Text type="secondary" data-testid="organizations-found">
            {t('coordinator.organizations.found', { count: list.totalCount })}
          </Typography.Text>
          {list.edges.length === 0 ? (
            <Nothing text={t('coordinator.organizations.empty')} />
          ) : (
            <Table<Organization>
              rowKey="id"
              dataSource={list.edges.map((edge) => edge.node)}
              pagination={false}
              scroll={{ x: 960 }}
              columns={[
                {
                  title: t('coordinator.organizations.name'),
                  key: 'name',
                  render: (_, o) => (o.kind === 'ENTERPRISE' ? <Link to={`/enterprises/${o.id}`}>{labelOf(o)}</Link> : labelOf(o)),
                },
                { title: t('coordinator.organizations.kind'), key: 'kind', render: (_, o) => t(`coordinator.kind.${o.kind}`) },
                { title: t('coordinator.organizations.country'), key: 'country', render: (_, o) => labelOf(o.country) },
                { title: t('coordinator.organizations.registered'), key: 'created', render: (_, o) => formatDate(o.createdAt) },
                {
                  title: t('coordinator.organizations.contact'),
                  key: 'contact',
                  render: (_, o) => (
                    <Space direction="vertical" size={0}>
                      {o.contactEmail && <span>{o.contactEmail}</span>}
                      {o.website && <span>{o.website}</span>}
                    </Space>
                  ),
                },
                {
                  title: t('coordinator.organizations.status'),
                  key: 'status',
                  render: (_, o) => <Tag data-testid="verification">{t(`coordinator.verification.${o.verificationStatus}`)}</Tag>,
                },
                {
                  title: t('coordinator.organizations.actions'),
                  key: 'actions',
                  render: (_, o) => (
                    <Space wrap>
                      {isAdmin && (
                        <Button
                          size="small"
                          aria-label={t('coordinator.organizations.editNamed', { name: labelOf(o) })}
                          onClick={() => setEditing({ id: o.id, name: labelOf(o) })}
                        >
                          {t('coordinator.organizations.edit')}
                        </Button>
                      )}
                      {o.verificationStatus !== 'VERIFIED' && (
                        <Button
                          size="small"
                          type="primary"
                          aria-label={t('coordinator.organizations.verifyNamed', { name: labelOf(o) })}
                          loading={saving === o.id}
                          onClick={() => void decide(o, 'VERIFIED')}
                        >
                          {t('coordinator.organizations.verify')}
                        </Button>
                      )}
                      {o.verificationStatus !== 'REJECTED' && (
                        <Button
                          size="small"
                          aria-label={t('coordinator.organizations.rejectNamed', { name: labelOf(o) })}
                          loading={saving === o.id}
                          onClick={() => void decide(o, 'REJECTED')}
                        >
                          {t('coordinator.organizations.reject')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]}
            />
          )}
          {list.pageInfo.hasNextPage && (
            <Button
              loading={loading}
              onClick={() =>
                void fetchMore({
                  variables: { after: list.pageInfo.endCursor },
                  updateQuery: (previous, { fetchMoreResult }) => ({
                    organizations: {
                      ...fetchMoreResult.organizations,
                      edges: [...previous.organizations.edges, ...fetchMoreResult.organizations.edges],
                    },
                  }),
                })
              }
            >
              {t('coordinator.more')}
            </Button>
          )}
        </>
      )}
    </Space>
  );
}
