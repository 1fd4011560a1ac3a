import { useQuery } from '@apollo/client/react';
import { Card, Descriptions, List, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { graphql } from '../gql';
import { formatMoney, labelOf } from '../format';
import { Failure, Loading, Nothing } from '../states';

const ENTERPRISE = graphql(`
  query EnterprisePage($id: ID!) {
    organization(id: $id) {
      id
      nameEn
      nameZh
      parentGroup
      description
      website
      country {
        code
        nameEn
        nameZh
      }
      countriesServed {
        code
        nameEn
        nameZh
      }
    }
    capabilities(organizationId: $id, first: 100) {
      edges {
        node {
          id
          description
          trl
          technologyCategory {
            labelEn
            labelZh
          }
        }
      }
    }
    referenceProjects(organizationId: $id, first: 100) {
      totalCount
      edges {
        node {
          id
          title
          year
          role
          value
          currency
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

/** Anyone: an enterprise, with its capabilities and its track record (where it worked, what it built). */
export function EnterprisePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, error, loading, refetch } = useQuery(ENTERPRISE, { variables: { id } });
  if (loading && !data) return <Loading />;
  if (error || !data) return <Failure error={error} retry={() => void refetch()} />;
  const { organization: enterprise, capabilities, referenceProjects } = data;
  const projects = referenceProjects.edges.map((e) => e.node);
  const worked = new Map<string, { country: (typeof projects)[number]['country']; count: number }>();
  for (const p of projects)
    if (p.country) worked.set(p.country.code, { country: p.country, count: (worked.get(p.country.code)?.count ?? 0) + 1 });
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Link to="/enterprises">← {t('common.back')}</Link>
      <Typography.Title level={2}>{labelOf(enterprise)}</Typography.Title>
      <Descriptions bordered column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('enterprises.basedIn')}>{labelOf(enterprise.country)}</Descriptions.Item>
        <Descriptions.Item label={t('enterprises.group')}>{enterprise.parentGroup ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('enterprises.website')}>{enterprise.website ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('enterprises.serves')}>
          <Space wrap>
            {enterprise.countriesServed.map((c) => (
              <Tag key={c.code}>{labelOf(c)}</Tag>
            ))}
          </Space>
        </Descriptions.Item>
      </Descriptions>
      {enterprise.description && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{enterprise.description}</Typography.Paragraph>}
      <Card title={t('enterprises.capabilities')}>
        {capabilities.edges.length === 0 ? (
          <Nothing />
        ) : (
          <List
            dataSource={capabilities.edges}
            renderItem={({ node }) => (
              <List.Item key={node.id}>
                <List.Item.Meta
                  title={labelOf(node.technologyCategory)}
                  description={
                    <>
                      {node.description}
                      {node.trl !== null && (
                        <div>
                          {t('enterprises.trl')}: {node.trl}
                        </div>
                      )}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card title={`${t('enterprises.trackRecord')} (${referenceProjects.totalCount})`}>
        <Typography.Title level={5}>{t('enterprises.countriesWorked')}</Typography.Title>
        <Space wrap data-testid="countries-worked" style={{ marginBottom: 16 }}>
          {[...worked.values()]
            .sort((a, b) => b.count - a.count)
            .map(({ country, count }) => (
              <Tag key={country?.code} color="blue">
                {country ? labelOf(country) : ''} · {count}
              </Tag>
            ))}
        </Space>
        <Table
          rowKey="id"
          size="small"
          pagination={{ pageSize: 20 }}
          dataSource={projects}
          locale={{ emptyText: <Nothing /> }}
          columns={[
            { title: t('enterprises.project'), dataIndex: 'title' },
            { title: t('needs.country'), render: (_, p) => (p.country ? labelOf(p.country) : '—') },
            { title: t('enterprises.year'), dataIndex: 'year', width: 80 },
            { title: t('enterprises.role'), render: (_, p) => t(`projectRole.${p.role}`) },
            { title: t('enterprises.value'), render: (_, p) => formatMoney(p.value, p.currency) },
          ]}
        />
      </Card>
    </Space>
  );
}
