import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { labelOf } from '../../format';
import { showFieldError } from '../../forms';
import { graphql } from '../../gql';
import type { OrganizationKind, VerificationStatus } from '../../gql/graphql';
import { Failure, Loading } from '../../states';
import type { coordinatorEn } from './messages';
import { COUNTRIES } from './review-format';
import './messages';

const ORGANIZATION_TO_EDIT = graphql(`
  query OrganizationToEdit($id: ID!) {
    organization(id: $id) {
      id
      kind
      nameEn
      nameZh
      nameLocal
      country {
        code
      }
      countriesServed {
        code
      }
      hostInstitutions {
        name
        country {
          code
        }
      }
      website
      description
      parentGroup
      contactEmail
      contactPhone
    }
  }
`);

const CREATE_ORGANIZATION = graphql(`
  mutation CreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      id
    }
  }
`);

// Everything the list and the dialog show, so both read the change from the cache.
const UPDATE_ORGANIZATION = graphql(`
  mutation UpdateOrganization($input: UpdateOrganizationInput!) {
    updateOrganization(input: $input) {
      id
      nameEn
      nameZh
      nameLocal
      country {
        code
        nameEn
        nameZh
      }
      countriesServed {
        code
      }
      hostInstitutions {
        name
        country {
          code
        }
      }
      website
      description
      parentGroup
      contactEmail
      contactPhone
      updatedAt
    }
  }
`);

export const KINDS: OrganizationKind[] = ['AGENCY', 'ENTERPRISE', 'RESEARCH_CENTRE', 'SECRETARIAT'];
export const STATUSES: VerificationStatus[] = ['PENDING', 'VERIFIED', 'REJECTED'];
const TEXTS = ['nameEn', 'nameZh', 'nameLocal', 'website', 'description', 'parentGroup', 'contactEmail', 'contactPhone'] as const;

type Values = Record<(typeof TEXTS)[number], string | null> & {
  kind?: OrganizationKind;
  countryCode?: string;
  countriesServed: string[];
  hostInstitutions: Array<{ name?: string; countryCode?: string }>;
  verificationStatus: VerificationStatus;
};

// No kind chosen beforehand: what the organisation is decides what it may do.
const EMPTY: Values = {
  kind: undefined,
  nameEn: null,
  nameZh: null,
  nameLocal: null,
  countryCode: undefined,
  countriesServed: [],
  hostInstitutions: [],
  website: null,
  description: null,
  parentGroup: null,
  contactEmail: null,
  contactPhone: null,
  verificationStatus: 'PENDING',
};

/**
 * What the API takes: blank texts are null (cleared); only agencies serve countries, only enterprises have a group,
 * only research centres have host institutions.
 */
function inputOf(values: Values) {
  const texts = Object.fromEntries(TEXTS.map((key) => [key, values[key]?.trim() || null])) as Record<(typeof TEXTS)[number], string | null>;
  return {
    ...texts,
    nameEn: texts.nameEn ?? '',
    countryCode: values.countryCode ?? '',
    countriesServed: values.kind === 'AGENCY' ? values.countriesServed : [],
    parentGroup: values.kind === 'ENTERPRISE' ? texts.parentGroup : null,
    hostInstitutions:
      values.kind === 'RESEARCH_CENTRE'
        ? values.hostInstitutions.map((host) => ({ name: host.name?.trim() ?? '', countryCode: host.countryCode ?? '' }))
        : [],
  };
}

/**
 * Admins: a new organisation (`id` left out) or a change to the one named `name`, with every field the API takes;
 * refusals show at their field.
 */
export function OrganizationDialog({ id, name, onClose }: { id?: string; name?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const existing = useQuery(ORGANIZATION_TO_EDIT, { variables: { id: id ?? '' }, skip: !id, fetchPolicy: 'network-only' });
  const [create] = useMutation(CREATE_ORGANIZATION, { refetchQueries: ['Organizations'], awaitRefetchQueries: true });
  const [update] = useMutation(UPDATE_ORGANIZATION);
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const organization = existing.data?.organization;
  const loaded = !id || organization;

  const save = async (values: Values) => {
    setSaving(true);
    setFailure(null);
    try {
      const input = inputOf({ ...values, kind: organization?.kind ?? values.kind });
      if (organization) await update({ variables: { input: { id: organization.id, ...input } } });
      // The form requires a kind before it submits.
      else
        await create({
          variables: { input: { ...input, kind: values.kind as OrganizationKind, verificationStatus: values.verificationStatus } },
        });
      onClose();
    } catch (error) {
      if (!showFieldError(form, error)) setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={id ? t('coordinator.organizations.editTitle', { name }) : t('coordinator.organizations.createTitle')}
      okText={id ? t('coordinator.organizations.save') : t('coordinator.organizations.createSubmit')}
      cancelText={t('coordinator.organizations.cancel')}
      okButtonProps={{ disabled: !loaded }}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={720}
    >
      {existing.error && <Failure error={existing.error} retry={() => void existing.refetch()} />}
      {failure !== null && <Failure error={failure} />}
      {!loaded && !existing.error && <Loading />}
      {loaded && (
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={
            organization
              ? {
                  ...EMPTY,
                  ...Object.fromEntries(TEXTS.map((key) => [key, organization[key] ?? null])),
                  kind: organization.kind,
                  countryCode: organization.country.code,
                  countriesServed: organization.countriesServed.map((c) => c.code),
                  hostInstitutions: organization.hostInstitutions.map((host) => ({ name: host.name, countryCode: host.country.code })),
                }
              : EMPTY
          }
          onFinish={(values) => void save(values)}
        >
          <OrganizationFields kind={organization?.kind} />
        </Form>
      )}
    </Modal>
  );
}

/** The fields; `kind` is fixed once the organisation exists (the API does not change it). */
function OrganizationFields({ kind: fixedKind }: { kind?: OrganizationKind }) {
  const { t } = useTranslation();
  const countries = useQuery(COUNTRIES);
  const chosenKind = Form.useWatch('kind') as OrganizationKind | undefined;
  const kind = fixedKind ?? chosenKind;
  const required = { required: true, message: t('coordinator.organizations.required') };
  const countryOptions = (countries.data?.countries ?? []).map((c) => ({ value: c.code, label: labelOf(c) }));
  const label = (key: keyof (typeof coordinatorEn)['organizations']['fields']) => t(`coordinator.organizations.fields.${key}`);
  return (
    <>
      {!fixedKind && (
        <Form.Item label={t('coordinator.organizations.kind')} name="kind" rules={[required]}>
          <Select options={KINDS.map((k) => ({ value: k, label: t(`coordinator.kind.${k}`) }))} />
        </Form.Item>
      )}
      <Form.Item label={label('nameEn')} name="nameEn" rules={[required]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label={label('nameZh')} name="nameZh">
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label={label('nameLocal')} name="nameLocal">
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label={t('coordinator.organizations.country')} name="countryCode" rules={[required]}>
        <Select showSearch={{ optionFilterProp: 'label' }} loading={countries.loading} options={countryOptions} />
      </Form.Item>
      {kind === 'AGENCY' && (
        <Form.Item label={label('countriesServed')} name="countriesServed" extra={t('coordinator.organizations.countriesServedHint')}>
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} loading={countries.loading} options={countryOptions} />
        </Form.Item>
      )}
      {kind === 'RESEARCH_CENTRE' && (
        <Form.Item label={t('coordinator.organizations.hostInstitutions')} extra={t('coordinator.organizations.hostInstitutionsHint')}>
          <Form.List name="hostInstitutions">
            {(hosts, { add, remove }) => (
              <>
                {hosts.map((host, index) => (
                  <Space key={host.key} align="baseline" wrap>
                    <Form.Item name={[host.name, 'name']} label={t('coordinator.organizations.hostName')} rules={[required]}>
                      <Input maxLength={200} style={{ width: 320 }} />
                    </Form.Item>
                    <Form.Item name={[host.name, 'countryCode']} label={t('coordinator.organizations.hostCountry')} rules={[required]}>
                      <Select showSearch={{ optionFilterProp: 'label' }} options={countryOptions} style={{ width: 200 }} />
                    </Form.Item>
                    <Button onClick={() => remove(host.name)} aria-label={t('coordinator.organizations.removeHost', { name: index + 1 })}>
                      −
                    </Button>
                  </Space>
                ))}
                <Button onClick={() => add({})}>{t('coordinator.organizations.addHost')}</Button>
              </>
            )}
          </Form.List>
        </Form.Item>
      )}
      {kind === 'ENTERPRISE' && (
        <Form.Item label={label('parentGroup')} name="parentGroup">
          <Input maxLength={200} />
        </Form.Item>
      )}
      <Form.Item label={label('website')} name="website" extra={t('coordinator.organizations.websiteHint')}>
        <Input inputMode="url" />
      </Form.Item>
      <Form.Item label={label('description')} name="description">
        <Input.TextArea rows={3} maxLength={20000} />
      </Form.Item>
      <Form.Item label={label('contactEmail')} name="contactEmail">
        <Input type="email" autoComplete="off" />
      </Form.Item>
      <Form.Item label={label('contactPhone')} name="contactPhone">
        <Input type="tel" autoComplete="off" />
      </Form.Item>
      {!fixedKind && (
        <Form.Item label={t('coordinator.organizations.status')} name="verificationStatus">
          <Select options={STATUSES.map((s) => ({ value: s, label: t(`coordinator.verification.${s}`) }))} />
        </Form.Item>
      )}
    </>
  );
}
