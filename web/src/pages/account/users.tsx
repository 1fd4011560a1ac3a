import { useQuery } from '@apollo/client/react';
import { Button, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDate, formatNumber, labelOf } from '../../format';
import { graphql } from '../../gql';
import type { Role, UsersQuery } from '../../gql/graphql';
import { Failure, Loading, Nothing } from '../../states';
import { CreateUserDialog, EditUserDialog, OrganizationSelect, ROLES } from './user-form';

const USERS = graphql(`
  query Users($role: Role, $organizationId: ID, $first: Int!, $after: String) {
    users(role: $role, organizationId: $organizationId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          displayName
          email
          role
          preferredLanguage
          active
          createdAt
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

type User = UsersQuery['users']['edges'][number]['node'];

/** Administrators: user accounts, newest first, by role and organisation; create one, change one. */
export function UsersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const role = (params.get('role') as Role | null) ?? undefined;
  const organizationId = params.get('organization') ?? undefined;
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const { data, error, loading, fetchMore, refetch } = useQuery(USERS, {
    variables: { role, organizationId, first: 20 },
    notifyOnNetworkStatusChange: true,
  });
  const page = data?.users;
  const filter = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };
  const more = () =>
    void fetchMore({
      variables: { after: page?.pageInfo.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => ({
        users: { ...fetchMoreResult.users, edges: [...previous.users.edges, ...fetchMoreResult.users.edges] },
      }),
    });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('account.users.title')}</Typography.Title>
      <Space wrap>
        <Select<Role | ''>
          aria-label={t('account.users.role')}
          value={role ?? ''}
          style={{ minWidth: 200 }}
          options={[{ value: '', label: t('account.users.anyRole') }, ...ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))]}
          onChange={(value) => filter('role', value || undefined)}
        />
        <OrganizationSelect
          aria-label={t('account.users.organization')}
          anyLabel={t('account.users.anyOrganization')}
          value={organizationId}
          onChange={(value) => filter('organization', value)}
        />
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('account.users.create')}
        </Button>
        {page && <Typography.Text type="secondary">{t('account.users.count', { total: formatNumber(page.totalCount) })}</Typography.Text>}
      </Space>
      {error && <Failure error={error} retry={() => void refetch()} />}
      {loading && !page && <Loading />}
      {page &&
        (page.edges.length === 0 ? (
          <Nothing />
        ) : (
          <Table<User>
            rowKey="id"
            dataSource={page.edges.map((edge) => edge.node)}
            pagination={false}
            scroll={{ x: true }}
            columns={[
              { title: t('account.users.name'), dataIndex: 'displayName' },
              { title: t('account.users.email'), dataIndex: 'email' },
              { title: t('account.users.role'), render: (_, u) => t(`role.${u.role}`) },
              { title: t('account.users.organization'), render: (_, u) => labelOf(u.organization) },
              { title: t('account.users.language'), render: (_, u) => t(`account.users.${u.preferredLanguage}`) },
              {
                title: t('account.users.state'),
                render: (_, u) => <Tag>{u.active ? t('account.users.active') : t('account.users.inactive')}</Tag>,
              },
              { title: t('account.users.created'), render: (_, u) => formatDate(u.createdAt) },
              {
                title: t('account.actions'),
                render: (_, u) => (
                  <Button size="small" onClick={() => setEditing(u)}>
                    {t('account.users.edit')}
                  </Button>
                ),
              },
            ]}
          />
        ))}
      {page?.pageInfo.hasNextPage && (
        <Button loading={loading} onClick={more}>
          {t('account.users.more')}
        </Button>
      )}
      {creating && <CreateUserDialog onClose={() => setCreating(false)} />}
      {editing && <EditUserDialog user={editing} onClose={() => setEditing(null)} />}
    </Space>
  );
}
