import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { FinancingInstrument, OurProjectsQuery, ProjectRole } from '../../gql/graphql';
import { FINANCING_INSTRUMENTS, formatMoney, labelOf } from '../../format';
import { Failure, Loading, Nothing } from '../../states';
import { FormModal } from './form-modal';
import { useVocabulary } from './vocabulary';

const OUR_PROJECTS = graphql(`
  query OurProjects($organizationId: ID!, $first: Int!, $after: String) {
    referenceProjects(organizationId: $organizationId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          description
          year
          role
          value
          currency
          financier
          financingInstrument
          country {
            code
            nameEn
            nameZh
          }
          sector {
            code
            labelEn
            labelZh
          }
          technologyCategories {
            code
            labelEn
            labelZh
          }
        }
      }
    }
  }
`);

const CREATE_PROJECT = graphql(`
  mutation CreateReferenceProject($input: CreateReferenceProjectInput!) {
    createReferenceProject(input: $input) {
      id
    }
  }
`);

const UPDATE_PROJECT = graphql(`
  mutation UpdateReferenceProject($input: UpdateReferenceProjectInput!) {
    updateReferenceProject(input: $input) {
      id
      title
      description
      year
      role
      value
      currency
      financier
      financingInstrument
      country {
        code
        nameEn
        nameZh
      }
      sector {
        code
        labelEn
        labelZh
      }
      technologyCategories {
        code
        labelEn
        labelZh
      }
    }
  }
`);

const DELETE_PROJECT = graphql(`
  mutation DeleteReferenceProject($id: ID!) {
    deleteReferenceProject(id: $id)
  }
`);

type Project = OurProjectsQuery['referenceProjects']['edges'][number]['node'];
const PAGE = 10;
const ROLES: ProjectRole[] = ['EPC_CONTRACTOR', 'DESIGNER', 'OPERATOR', 'SUPERVISOR', 'SUPPLIER', 'TRAINER'];

/** Every field of CreateReferenceProjectInput; blank optional ones are sent as null (cleared). */
interface ProjectForm {
  title: string;
  description: string;
  countryCode: string | null;
  year: number | null;
  sectorCode: string | null;
  role: ProjectRole;
  technologyCategories: string[];
  value: number | null;
  currency: string | null;
  financier: string | null;
  financingInstrument: FinancingInstrument | null;
}

const formOf = (p?: Project): ProjectForm => ({
  title: p?.title ?? '',
  description: p?.description ?? '',
  countryCode: p?.country?.code ?? null,
  year: p?.year ?? null,
  sectorCode: p?.sector?.code ?? null,
  role: p?.role ?? 'EPC_CONTRACTOR',
  technologyCategories: p?.technologyCategories.map((term) => term.code) ?? [],
  value: p?.value ?? null,
  currency: p?.currency ?? null,
  financier: p?.financier ?? null,
  financingInstrument: p?.financingInstrument ?? null,
});

function ProjectModal({ project, onClose }: { project?: Project; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ProjectForm>();
  const vocabulary = useVocabulary();
  const [create] = useMutation(CREATE_PROJECT, { refetchQueries: ['OurProjects'], awaitRefetchQueries: true });
  const [update] = useMutation(UPDATE_PROJECT);
  const save = (v: ProjectForm) => {
    const input = {
      ...v,
      title: v.title.trim(),
      currency: v.currency?.trim() || null,
      countryCode: v.countryCode ?? null,
      financier: v.financier?.trim() || null,
      financingInstrument: v.financingInstrument ?? null,
    };
    return project ? update({ variables: { input: { id: project.id, ...input } } }) : create({ variables: { input } });
  };
  const required = [{ required: true, whitespace: true, message: t('enterprise.required') }];
  return (
    <FormModal<ProjectForm>
      title={project ? t('enterprise.editProject') : t('enterprise.addProject')}
      form={form}
      initialValues={formOf(project)}
      onSave={save}
      onClose={onClose}
    >
      {vocabulary.error && <Failure error={vocabulary.error} />}
      <Form.Item name="title" label={t('enterprise.project.title')} rules={required}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="description" label={t('enterprise.project.description')}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item name="year" label={t('enterprise.project.year')}>
          <InputNumber min={1949} max={new Date().getFullYear()} precision={0} />
        </Form.Item>
        <Form.Item name="role" label={t('enterprise.project.role')}>
          <Select style={{ minWidth: 180 }} options={ROLES.map((role) => ({ value: role, label: t(`projectRole.${role}`) }))} />
        </Form.Item>
        <Form.Item name="value" label={t('enterprise.project.value')}>
          <InputNumber min={0} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="currency" label={t('enterprise.project.currency')}>
          <Input maxLength={3} style={{ width: 100 }} placeholder="USD" />
        </Form.Item>
      </Space>
      <Space wrap align="start">
        <Form.Item name="financier" label={t('enterprise.project.financier')}>
          <Input maxLength={200} style={{ width: 280 }} />
        </Form.Item>
        <Form.Item name="financingInstrument" label={t('enterprise.project.instrument')}>
          <Select
            allowClear
            style={{ minWidth: 240 }}
            options={FINANCING_INSTRUMENTS.map((i) => ({ value: i, label: t(`instrument.${i}`) }))}
          />
        </Form.Item>
      </Space>
      <Form.Item name="countryCode" label={t('enterprise.project.country')} extra={t('enterprise.project.countryHint')}>
        <Select allowClear showSearch optionFilterProp="label" options={vocabulary.countries} />
      </Form.Item>
      <Form.Item name="sectorCode" label={t('enterprise.project.sector')}>
        <Select allowClear showSearch optionFilterProp="label" options={vocabulary.sectors} />
      </Form.Item>
      <Form.Item name="technologyCategories" label={t('enterprise.project.technologies')}>
        <Select mode="multiple" optionFilterProp="label" options={vocabulary.technologies} />
      </Form.Item>
    </FormModal>
  );
}

/** The enterprise's track record, newest first, a page at a time — added, changed and removed here. */
export function ProjectsSection({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Project | 'new' | null>(null);
  const { data, error, loading, fetchMore, refetch } = useQuery(OUR_PROJECTS, {
    variables: { organizationId, first: PAGE },
    notifyOnNetworkStatusChange: true,
  });
  const [remove, removal] = useMutation(DELETE_PROJECT, { refetchQueries: ['OurProjects'], awaitRefetchQueries: true });
  const result = data?.referenceProjects;
  return (
    <section aria-labelledby="projects-heading">
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={3} id="projects-heading" style={{ margin: 0 }}>
          {t('enterprises.trackRecord')}
          {result ? ` (${result.totalCount})` : ''}
        </Typography.Title>
        <Button type="primary" onClick={() => setEditing('new')}>
          {t('enterprise.addProject')}
        </Button>
      </Space>
      {error && <Failure error={error} retry={() => void refetch()} />}
      {removal.error && <Failure error={removal.error} />}
      {!result && loading && <Loading />}
      {result &&
        (result.edges.length === 0 ? (
          <Nothing text={t('enterprise.noProjects')} />
        ) : (
          <Table<Project>
            rowKey="id"
            dataSource={result.edges.map((edge) => edge.node)}
            pagination={false}
            scroll={{ x: true }}
            columns={[
              { title: t('enterprise.project.title'), dataIndex: 'title' },
              { title: t('enterprise.project.year'), key: 'year', render: (_, p) => p.year ?? '—' },
              { title: t('enterprise.project.country'), key: 'country', render: (_, p) => (p.country ? labelOf(p.country) : '—') },
              { title: t('enterprise.project.role'), key: 'role', render: (_, p) => t(`projectRole.${p.role}`) },
              { title: t('enterprise.project.value'), key: 'value', render: (_, p) => formatMoney(p.value, p.currency) },
              {
                title: t('enterprise.actions'),
                key: 'actions',
                render: (_, p) => (
                  <Space>
                    <Button size="small" onClick={() => setEditing(p)} aria-label={`${t('enterprise.edit')}: ${p.title}`}>
                      {t('enterprise.edit')}
                    </Button>
                    <Popconfirm
                      title={t('enterprise.confirmDelete')}
                      okText={t('enterprise.delete')}
                      cancelText={t('enterprise.cancel')}
                      onConfirm={() => void remove({ variables: { id: p.id } }).catch(() => undefined)}
                    >
                      <Button size="small" aria-label={`${t('enterprise.delete')}: ${p.title}`}>
                        {t('enterprise.delete')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]}
          />
        ))}
      {result?.pageInfo.hasNextPage && (
        <Button
          style={{ marginTop: 12 }}
          loading={loading}
          onClick={() =>
            void fetchMore({
              variables: { after: result.pageInfo.endCursor },
              updateQuery: (previous, { fetchMoreResult }) => ({
                referenceProjects: {
                  ...fetchMoreResult.referenceProjects,
                  edges: [...previous.referenceProjects.edges, ...fetchMoreResult.referenceProjects.edges],
                },
              }),
            })
          }
        >
          {t('enterprise.moreProjects')}
        </Button>
      )}
      {editing && <ProjectModal project={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </section>
  );
}
