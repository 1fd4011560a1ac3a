import { useMutation } from '@apollo/client/react';
import { Button, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { CapacityUnit, OurProfileQuery } from '../../gql/graphql';
import { formatNumber, labelOf } from '../../format';
import { Failure, Nothing } from '../../states';
import { FormModal } from './form-modal';
import { COMMON_LANGUAGES, UN_REGIONS, useVocabulary, type Option } from './vocabulary';

const CREATE_CAPABILITY = graphql(`
  mutation CreateCapability($input: CreateCapabilityInput!) {
    createCapability(input: $input) {
      id
    }
  }
`);

const UPDATE_CAPABILITY = graphql(`
  mutation UpdateCapability($input: UpdateCapabilityInput!) {
    updateCapability(input: $input) {
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
`);

const DELETE_CAPABILITY = graphql(`
  mutation DeleteCapability($id: ID!) {
    deleteCapability(id: $id)
  }
`);

type Capability = OurProfileQuery['capabilities']['edges'][number]['node'];
const UNITS: CapacityUnit[] = ['M3_PER_DAY', 'HECTARES', 'KILOMETRES', 'MEGAWATTS', 'PEOPLE_SERVED', 'UNITS'];

/** Every field of CreateCapabilityInput; a blank one is sent as null (cleared), a list as [] . */
interface CapabilityForm {
  technologyCategory: string | null;
  description: string;
  trl: number | null;
  capacityMin: number | null;
  capacityMax: number | null;
  capacityUnit: CapacityUnit | null;
  cooperationModes: string[];
  certifications: string[];
  countriesServed: string[];
  regionsServed: string[];
  languages: string[];
}

const formOf = (c?: Capability): CapabilityForm => ({
  technologyCategory: c?.technologyCategory.code ?? null,
  description: c?.description ?? '',
  trl: c?.trl ?? null,
  capacityMin: c?.capacityMin ?? null,
  capacityMax: c?.capacityMax ?? null,
  capacityUnit: c?.capacityUnit ?? null,
  cooperationModes: c?.cooperationModes.map((term) => term.code) ?? [],
  certifications: c?.certifications ?? [],
  countriesServed: c?.countriesServed.map((country) => country.code) ?? [],
  regionsServed: c?.regionsServed ?? [],
  languages: c?.languages ?? [],
});

function CapabilityModal({ capability, onClose }: { capability?: Capability; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CapabilityForm>();
  const vocabulary = useVocabulary();
  // A new capability changes the list: read it again. A change comes back with its fields and updates the cache.
  const [create] = useMutation(CREATE_CAPABILITY, { refetchQueries: ['OurProfile'], awaitRefetchQueries: true });
  const [update] = useMutation(UPDATE_CAPABILITY);
  const save = ({ technologyCategory, description, ...rest }: CapabilityForm) => {
    const input = { ...rest, technologyCategory: technologyCategory ?? '', description: description.trim() };
    return capability ? update({ variables: { input: { id: capability.id, ...input } } }) : create({ variables: { input } });
  };
  const required = [{ required: true, message: t('enterprise.required') }];
  // Chosen from a vocabulary, or typed freely (tags) where the API takes any text.
  type ListField = 'cooperationModes' | 'certifications' | 'countriesServed' | 'regionsServed' | 'languages';
  const list = (name: ListField, options: Option[], typed = false, extra?: string) => (
    <Form.Item name={name} label={t(`enterprise.capability.${name}`)} extra={extra}>
      <Select mode={typed ? 'tags' : 'multiple'} options={options} optionFilterProp="label" tokenSeparators={[',']} />
    </Form.Item>
  );
  return (
    <FormModal<CapabilityForm>
      title={capability ? t('enterprise.editCapability') : t('enterprise.addCapability')}
      form={form}
      initialValues={formOf(capability)}
      onSave={save}
      onClose={onClose}
    >
      {vocabulary.error && <Failure error={vocabulary.error} />}
      <Form.Item name="technologyCategory" label={t('enterprise.capability.technologyCategory')} rules={required}>
        <Select showSearch optionFilterProp="label" options={vocabulary.technologies} loading={vocabulary.loading} />
      </Form.Item>
      <Form.Item name="description" label={t('enterprise.capability.description')} rules={[{ ...required[0], whitespace: true }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item name="trl" label={t('enterprise.capability.trl')}>
          <InputNumber min={1} max={9} precision={0} />
        </Form.Item>
        <Form.Item name="capacityMin" label={t('enterprise.capability.capacityMin')}>
          <InputNumber min={0} />
        </Form.Item>
        <Form.Item name="capacityMax" label={t('enterprise.capability.capacityMax')}>
          <InputNumber min={0} />
        </Form.Item>
        <Form.Item name="capacityUnit" label={t('enterprise.capability.capacityUnit')}>
          <Select
            allowClear
            style={{ minWidth: 180 }}
            options={UNITS.map((unit) => ({ value: unit, label: t(`enterprise.unit.${unit}`) }))}
          />
        </Form.Item>
      </Space>
      {list('cooperationModes', vocabulary.cooperationModes)}
      {list('countriesServed', vocabulary.countries)}
      {list(
        'regionsServed',
        UN_REGIONS.map((region) => ({ value: region, label: t(`enterprise.region.${region}`) })),
      )}
      {list(
        'languages',
        COMMON_LANGUAGES.map((code) => ({ value: code, label: code })),
        true,
        t('enterprise.capability.languagesHint'),
      )}
      {list('certifications', [], true, t('enterprise.capability.certificationsHint'))}
    </FormModal>
  );
}

/** The enterprise's capabilities: what it offers, by technology — added, changed and removed here. */
export function CapabilitiesSection({ capabilities, total }: { capabilities: Capability[]; total: number }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Capability | 'new' | null>(null);
  const [remove, removal] = useMutation(DELETE_CAPABILITY, { refetchQueries: ['OurProfile'], awaitRefetchQueries: true });
  const capacity = (c: Capability) =>
    c.capacityMin == null && c.capacityMax == null
      ? '—'
      : `${formatNumber(c.capacityMin)} – ${formatNumber(c.capacityMax)} ${c.capacityUnit ? t(`enterprise.unit.${c.capacityUnit}`) : ''}`;
  return (
    <section aria-labelledby="capabilities-heading">
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={3} id="capabilities-heading" style={{ margin: 0 }}>
          {t('enterprises.capabilities')}
        </Typography.Title>
        <Button type="primary" onClick={() => setEditing('new')}>
          {t('enterprise.addCapability')}
        </Button>
      </Space>
      {removal.error && <Failure error={removal.error} />}
      {capabilities.length === 0 ? (
        <Nothing text={t('enterprise.noCapabilities')} />
      ) : (
        <Table<Capability>
          rowKey="id"
          dataSource={capabilities}
          pagination={false}
          scroll={{ x: true }}
          columns={[
            { title: t('enterprise.capability.technologyCategory'), key: 'category', render: (_, c) => labelOf(c.technologyCategory) },
            { title: t('enterprise.capability.description'), dataIndex: 'description' },
            { title: t('enterprise.capability.trl'), key: 'trl', render: (_, c) => c.trl ?? '—' },
            { title: t('enterprise.capability.capacity'), key: 'capacity', render: (_, c) => capacity(c) },
            {
              title: t('enterprise.capability.cooperationModes'),
              key: 'modes',
              render: (_, c) => (
                <Space wrap size={4}>
                  {c.cooperationModes.map((mode) => (
                    <Tag key={mode.code}>{labelOf(mode)}</Tag>
                  ))}
                </Space>
              ),
            },
            {
              title: t('enterprise.capability.countriesServed'),
              key: 'countries',
              render: (_, c) => formatNumber(c.countriesServed.length),
            },
            {
              title: t('enterprise.actions'),
              key: 'actions',
              render: (_, c) => (
                <Space>
                  <Button
                    size="small"
                    onClick={() => setEditing(c)}
                    aria-label={`${t('enterprise.edit')}: ${labelOf(c.technologyCategory)}`}
                  >
                    {t('enterprise.edit')}
                  </Button>
                  <Popconfirm
                    title={t('enterprise.confirmDelete')}
                    okText={t('enterprise.delete')}
                    cancelText={t('enterprise.cancel')}
                    onConfirm={() => void remove({ variables: { id: c.id } }).catch(() => undefined)}
                  >
                    <Button size="small" aria-label={`${t('enterprise.delete')}: ${labelOf(c.technologyCategory)}`}>
                      {t('enterprise.delete')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      )}
      {total > capabilities.length && (
        <Typography.Text type="secondary">{t('enterprise.capabilitiesShown', { shown: capabilities.length, total })}</Typography.Text>
      )}
      {editing && <CapabilityModal capability={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </section>
  );
}
