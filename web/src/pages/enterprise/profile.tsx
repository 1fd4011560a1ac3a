import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Descriptions, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { OurProfileQuery } from '../../gql/graphql';
import { labelOf } from '../../format';
import { useSession } from '../../session';
import { Failure, Loading } from '../../states';
import { CapabilitiesSection } from './capabilities';
import { FormModal } from './form-modal';
import { ProjectsSection } from './projects';
import { useVocabulary } from './vocabulary';

const OUR_PROFILE = graphql(`
  query OurProfile($id: ID!) {
    organization(id: $id) {
      id
      nameEn
      nameZh
      nameLocal
      parentGroup
      description
      website
      contactEmail
      contactPhone
      verificationStatus
      country {
        code
        nameEn
        nameZh
      }
    }
    capabilities(organizationId: $id, first: 30) {
      totalCount
      edges {
        node {
          id
          description
          trl
          capacityMin
          capacityMax
          capacityUnit
          certifications
          languages
          regionsServed
          technologyCategory {
            code
            labelEn
            labelZh
          }
          cooperationModes {
            code
            labelEn
            labelZh
          }
          countriesServed {
            code
            nameEn
            nameZh
          }
        }
      }
    }
  }
`);

const UPDATE_ORGANIZATION = graphql(`
  mutation UpdateOurOrganization($input: UpdateOrganizationInput!) {
    updateOrganization(input: $input) {
      id
      nameEn
      nameZh
      nameLocal
      parentGroup
      description
      website
      contactEmail
      contactPhone
      country {
        code
        nameEn
        nameZh
      }
    }
  }
`);

type Organization = OurProfileQuery['organization'];
interface OrganizationForm {
  nameEn: string;
  nameZh?: string | null;
  nameLocal?: string | null;
  parentGroup?: string | null;
  countryCode: string;
  website?: string | null;
  contactEmail?: string | null;
  contactPhone?: string | null;
  description?: string | null;
}

/** Blank optional text is cleared (null), not saved as "". */
const orNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

function OrganizationModal({ organization, onClose }: { organization: Organization; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<OrganizationForm>();
  const { countries } = useVocabulary();
  const [update] = useMutation(UPDATE_ORGANIZATION);
  const { id, country, ...fields } = organization;
  const save = (v: OrganizationForm) =>
    update({
      variables: {
        input: {
          id,
          nameEn: v.nameEn.trim(),
          countryCode: v.countryCode,
          description: v.description ?? '',
          ...Object.fromEntries(
            (['nameZh', 'nameLocal', 'parentGroup', 'website', 'contactEmail', 'contactPhone'] as const).map((k) => [k, orNull(v[k])]),
          ),
        },
      },
    });
  const text = (name: keyof OrganizationForm, required = false) => (
    <Form.Item
      name={name}
      label={t(`enterprise.org.${name}`)}
      rules={required ? [{ required, whitespace: true, message: t('enterprise.required') }] : []}
    >
      <Input />
    </Form.Item>
  );
  return (
    <FormModal<OrganizationForm>
      title={t('enterprise.editOrganization')}
      form={form}
      initialValues={{ ...fields, countryCode: country.code }}
      onSave={save}
      onClose={onClose}
    >
      {text('nameEn', true)}
      {text('nameZh')}
      {text('nameLocal')}
      {text('parentGroup')}
      <Form.Item name="countryCode" label={t('enterprise.org.countryCode')} rules={[{ required: true, message: t('enterprise.required') }]}>
        <Select showSearch optionFilterProp="label" options={countries} />
      </Form.Item>
      {text('website')}
      {text('contactEmail')}
      {text('contactPhone')}
      <Form.Item name="description" label={t('enterprise.org.description')}>
        <Input.TextArea rows={4} />
      </Form.Item>
    </FormModal>
  );
}

/** Enterprise members: their enterprise's public profile, capabilities and track record — what matching reads. */
export function ProfilePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const id = user?.organization.id ?? '';
  const [editing, setEditing] = useState(false);
  const { data, error, loading, refetch } = useQuery(OUR_PROFILE, { variables: { id }, skip: !id });
  if (loading && !data) return <Loading />;
  if (error || !data) return <Failure error={error} retry={() => void refetch()} />;
  const organization = data.organization;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2}>{labelOf(organization)}</Typography.Title>
      <Space wrap>
        <Tag>{t(`enterprise.verification.${organization.verificationStatus}`)}</Tag>
        <Link to={`/enterprises/${organization.id}`}>{t('enterprise.publicPage')}</Link>
        <Button onClick={() => setEditing(true)}>{t('enterprise.editOrganization')}</Button>
      </Space>
      <Descriptions bordered column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('enterprise.org.nameEn')}>{organization.nameEn}</Descriptions.Item>
        <Descriptions.Item label={t('enterprise.org.nameZh')}>{organization.nameZh ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('enterprise.org.nameLocal')}>{organization.nameLocal ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('enterprise.org.parentGroup')}>{organization.parentGroup ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('enterprise.org.countryCode')}>{labelOf(organization.country)}</Descriptions.Item>
        <Descriptions.Item label={t('enterprise.org.website')}>{organization.website ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('enterprise.org.contactEmail')}>{organization.contactEmail ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('enterprise.org.contactPhone')}>{organization.contactPhone ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('enterprise.org.description')} span={2}>
          {organization.description || '—'}
        </Descriptions.Item>
      </Descriptions>
      {editing && <OrganizationModal organization={organization} onClose={() => setEditing(false)} />}
      <CapabilitiesSection capabilities={data.capabilities.edges.map((edge) => edge.node)} total={data.capabilities.totalCount} />
      <ProjectsSection organizationId={organization.id} />
    </Space>
  );
}
