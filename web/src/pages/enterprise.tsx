import { useQuery } from '@apollo/client/react';
import { Card, Col, Descriptions, List, Row, Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LazyWorldMap } from '../charts/lazy-world-map';
import type { CountryValue } from '../charts/world-map';
import { graphql } from '../gql';
import type { EnterprisePageQuery } from '../gql/graphql';
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

type ProjectEdge = EnterprisePageQuery['referenceProjects']['edges'][number];

/** Projects per country (the ones that name one), most first, named in the console's language. */
function countriesWorked(edges: ProjectEdge[]): CountryValue[] {
  const counts = new Map<string, CountryValue>();
  for (const { node } of edges) {
    if (!node.country) continue;
    const known = counts.get(node.country.code);
    counts.set(node.country.code, { code: node.country.code, name: known?.name ?? labelOf(node.country), value: (known?.value ?? 0) + 1 });
  }
  return [...counts.values()].sort((a, b) => b.value - a.value);
}

/** Anyone: an enterprise, with its capabilities and its track record (where it worked, what it built). */
export function EnterprisePage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const { data, error, loading, refetch } = useQuery(ENTERPRISE, { variables: { id } });
  // Again when the language changes: the names are the reader's.
  const worked = useMemo(() => countriesWorked(data?.referenceProjects.edges ?? []), [data, i18n.language]);
  if (loading && !data) return <Loading />;
  if (error || !data) return <Failure error={error} retry={() => void refetch()} />;
  const { organization: enterprise, capabilities, referenceProjects } = data;
  const projects = referenceProjects.edges.map((e) => e.node);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Link to="/enterprises">← {t('common.back')}</Link>
      <Typography.Title level={2}>{labelOf(enterprise)}</Typography.Title>
      <Descriptions bordered column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('enterprises.basedIn')}>{labelOf(enterprise.country)}</Descriptions.Item>
        <Descriptions.Item label={t('enterprises.group')}>{enterprise.parentGroup ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('enterprises.website')}>{enterprise.website ?? '—'}</Descriptions.Item>
        {/* Only agencies list countries served (the API gives enterprises none): no empty row for them. */}
        {enterprise.countriesServed.length > 0 && (
          <Descriptions.Item label={t('enterprises.serves')}>
            <Space wrap>
              {enterprise.countriesServed.map((c) => (
                <Tag key={c.code}>{labelOf(c)}</Tag>
              ))}
            </Space>
          </Descriptions.Item>
        )}
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
        {worked.length === 0 ? (
          <Nothing text={t('enterprises.noCountries')} />
        ) : (
          <Row gutter={[24, 16]} style={{ marginBottom: 16 }}>
            <Col xs={24} md={16}>
              <LazyWorldMap values={worked} label={t('enterprises.countriesWorkedMap', { name: labelOf(enterprise) })} />
            </Col>
            <Col xs={24} md={8}>
              {/* The map's numbers as text, for whoever cannot see it. */}
              <Space wrap data-testid="countries-worked">
                {worked.map(({ code, name, value }) => (
                  <Tag key={code} color="blue">
                    {name} · {value}
                  </Tag>
                ))}
              </Space>
            </Col>
          </Row>
        )}
        <Table
          rowKey="id"
          size="small"
          pagination={{ pageSize: 20 }}
          scroll={{ x: true }}
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
