import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { graphql } from '../../gql';
import type { CreateNeedInput, FundingStatus } from '../../gql/graphql';
import { FINANCING_INSTRUMENTS, labelOf } from '../../format';
import { showFieldError } from '../../forms';
import { useSession } from '../../session';
import { Failure, Loading } from '../../states';

const NEED_FORM = graphql(`
  query NeedForm($organizationId: ID!, $id: ID!, $editing: Boolean!) {
    sectors: taxonomy(kind: WATER_SECTOR) {
      code
      labelEn
      labelZh
    }
    technologies: taxonomy(kind: TECHNOLOGY_CATEGORY) {
      code
      labelEn
      labelZh
    }
    cooperationModes: taxonomy(kind: COOPERATION_MODE) {
      code
      labelEn
      labelZh
    }
    sdgTargets: taxonomy(kind: SDG_TARGET) {
      code
      labelEn
      labelZh
    }
    countries {
      code
      nameEn
      nameZh
    }
    organization(id: $organizationId) {
      id
      country {
        code
      }
      countriesServed {
        code
      }
    }
    need(id: $id) @include(if: $editing) {
      id
      status
      title
      description
      country {
        code
      }
      sector {
        code
      }
      technologyCategories {
        code
      }
      cooperationModes {
        code
      }
      sdgTargets {
        code
      }
      budgetMin
      budgetMax
      currency
      deadline
      financier
      financingInstrument
      fundingStatus
      populationServed
      site
      languages
    }
  }
`);

// Each returns what the need's page and the agency's lists show, so the cache holds the saved need as it is now.
const CREATE_NEED = graphql(`
  mutation CreateNeed($input: CreateNeedInput!) {
    createNeed(input: $input) {
      id
      status
      title
      updatedAt
    }
  }
`);

const UPDATE_NEED = graphql(`
  mutation UpdateNeed($input: UpdateNeedInput!) {
    updateNeed(input: $input) {
      id
      status
      title
      description
      budgetMin
      budgetMax
      currency
      deadline
      financier
      financingInstrument
      fundingStatus
      populationServed
      site
      languages
      updatedAt
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
      cooperationModes {
        code
        labelEn
        labelZh
      }
      sdgTargets {
        code
        labelEn
        labelZh
      }
    }
  }
`);

const PUBLISH_NEED = graphql(`
  mutation PublishNeedFromForm($id: ID!) {
    publishNeed(id: $id) {
      id
      status
      publishedAt
    }
  }
`);

/** The form's fields, named as CreateNeedInput names them, so a server error on `input.x` lands on field x. */
type NeedValues = {
  [K in keyof CreateNeedInput]-?: undefined extends CreateNeedInput[K] ? NonNullable<CreateNeedInput[K]> | null : CreateNeedInput[K];
};

const FUNDING: FundingStatus[] = ['UNFUNDED', 'SEEKING', 'PARTIAL', 'SECURED'];
const EMPTY: NeedValues = {
  title: '',
  description: '',
  countryCode: '',
  sectorCode: '',
  technologyCategories: [],
  cooperationModes: [],
  sdgTargets: [],
  budgetMin: null,
  budgetMax: null,
  currency: null,
  deadline: null,
  financier: null,
  financingInstrument: null,
  fundingStatus: 'SEEKING',
  populationServed: null,
  site: null,
  languages: [],
};

/** Blank text is no value: optional fields are sent as null (cleared), never as "". */
function toInput(values: NeedValues): CreateNeedInput {
  const text = (value: string | null) => (value?.trim() ? value.trim() : null);
  return {
    ...values,
    title: values.title.trim(),
    description: values.description.trim(),
    currency: text(values.currency)?.toUpperCase() ?? null,
    deadline: text(values.deadline),
    financier: text(values.financier),
    // A cleared select gives undefined, which an update would read as "unchanged".
    financingInstrument: values.financingInstrument ?? null,
    site: text(values.site),
    fundingStatus: values.fundingStatus ?? 'SEEKING',
  };
}

/** Agency members: a new need (/my/needs/new) or one of their agency's needs (/my/needs/:id/edit), with every field. */
export function NeedFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const { user } = useSession();
  const [form] = Form.useForm<NeedValues>();
  // Once created, a failed publish must not create the need a second time: later saves update it.
  const [savedId, setSavedId] = useState(id);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const { data, error, loading, refetch } = useQuery(NEED_FORM, {
    variables: { organizationId: user?.organization?.id ?? '', id: id ?? '', editing: Boolean(id) },
    skip: !user?.organization,
  });
  const [createNeed] = useMutation(CREATE_NEED);
  const [updateNeed] = useMutation(UPDATE_NEED);
  const [publishNeed] = useMutation(PUBLISH_NEED);
  const need = data?.need;

  const initial = useMemo<NeedValues | null>(() => {
    if (!data) return null;
    if (!need) return { ...EMPTY, countryCode: data.organization.country.code };
    return {
      title: need.title,
      description: need.description,
      countryCode: need.country.code,
      sectorCode: need.sector.code,
      technologyCategories: need.technologyCategories.map((term) => term.code),
      cooperationModes: need.cooperationModes.map((term) => term.code),
      sdgTargets: need.sdgTargets.map((term) => term.code),
      budgetMin: need.budgetMin ?? null,
      budgetMax: need.budgetMax ?? null,
      currency: need.currency ?? null,
      deadline: need.deadline ?? null,
      financier: need.financier ?? null,
      financingInstrument: need.financingInstrument ?? null,
      fundingStatus: need.fundingStatus,
      populationServed: need.populationServed ?? null,
      site: need.site ?? null,
      languages: need.languages,
    };
  }, [data, need]);
  useEffect(() => {
    if (initial) form.setFieldsValue(initial);
  }, [form, initial]);

  if (loading && !data) return <Loading />;
  if (error || !data || !initial) return <Failure error={error} retry={() => void refetch()} />;
  const isDraft = !need || need.status === 'DRAFT';
  if (need && need.status !== 'DRAFT' && need.status !== 'OPEN')
    return (
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Link to={`/needs/${need.id}`}>← {need.title}</Link>
        <Alert type="warning" showIcon title={t('agency.form.notEditable', { status: t(`status.${need.status}`) })} />
      </Space>
    );

  const save = async (publish: boolean) => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    setFailure(null);
    try {
      const input = toInput({ ...initial, ...values });
      let needId = savedId;
      if (needId) await updateNeed({ variables: { input: { ...input, id: needId } } });
      else {
        const created = await createNeed({ variables: { input } });
        needId = created.data?.createNeed.id;
        setSavedId(needId);
      }
      if (needId && publish) await publishNeed({ variables: { id: needId } });
      if (needId) void navigate(`/needs/${needId}`);
    } catch (caught) {
      if (!showFieldError(form, caught)) setFailure(caught);
    } finally {
      setBusy(false);
    }
  };

  const allowed = new Set([data.organization.country.code, ...data.organization.countriesServed.map((c) => c.code), initial.countryCode]);
  const countries = data.countries.filter((c) => allowed.has(c.code)).map((c) => ({ value: c.code, label: `${labelOf(c)} (${c.code})` }));
  const terms = (list: Array<{ code: string; labelEn: string; labelZh: string }>, withCode = false) =>
    list.map((term) => ({ value: term.code, label: withCode ? `${term.code} ${labelOf(term)}` : labelOf(term) }));
  const required = [{ required: true, whitespace: true, message: t('agency.form.required') }];
  const half = { xs: 24, md: 12 };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Link to={need ? `/needs/${need.id}` : '/my/needs'}>← {t('common.back')}</Link>
      <Typography.Title level={2}>{t(need ? 'agency.form.editTitle' : 'agency.form.newTitle')}</Typography.Title>
      {failure !== null && <Failure error={failure} />}
      <Form form={form} layout="vertical" initialValues={initial} disabled={busy} requiredMark>
        <Form.Item label={t('agency.form.title')} name="title" rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label={t('agency.form.description')} name="description" rules={required}>
          <Input.TextArea rows={6} maxLength={20000} />
        </Form.Item>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item label={t('agency.form.country')} name="countryCode" rules={required}>
              <Select showSearch optionFilterProp="label" options={countries} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('agency.form.sector')} name="sectorCode" rules={required}>
              <Select showSearch optionFilterProp="label" options={terms(data.sectors)} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('agency.form.technologies')} name="technologyCategories">
          <Select mode="multiple" optionFilterProp="label" options={terms(data.technologies)} />
        </Form.Item>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item label={t('agency.form.cooperation')} name="cooperationModes">
              <Select mode="multiple" optionFilterProp="label" options={terms(data.cooperationModes)} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('agency.form.sdg')} name="sdgTargets">
              <Select mode="multiple" optionFilterProp="label" options={terms(data.sdgTargets, true)} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item label={t('agency.form.budgetMin')} name="budgetMin">
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('agency.form.budgetMax')} name="budgetMax">
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('agency.form.currency')} name="currency" extra={t('agency.form.currencyHelp')}>
              <Input maxLength={3} style={{ textTransform: 'uppercase' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item label={t('agency.form.fundingStatus')} name="fundingStatus">
              <Select options={FUNDING.map((f) => ({ value: f, label: t(`agency.funding.${f}`) }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('agency.form.financier')} name="financier">
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('agency.form.instrument')} name="financingInstrument">
              <Select allowClear options={FINANCING_INSTRUMENTS.map((i) => ({ value: i, label: t(`instrument.${i}`) }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('agency.form.deadline')} name="deadline">
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('agency.form.population')} name="populationServed">
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('agency.form.site')} name="site">
              <Input />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('agency.form.languages')} name="languages" extra={t('agency.form.languagesHelp')}>
              <Select mode="tags" tokenSeparators={[',', ' ']} open={false} suffixIcon={null} />
            </Form.Item>
          </Col>
        </Row>
        <Space wrap>
          <Button type={isDraft ? 'default' : 'primary'} loading={busy} onClick={() => void save(false)}>
            {t(need ? 'agency.form.save' : 'agency.form.saveDraft')}
          </Button>
          {isDraft && (
            <Button type="primary" loading={busy} onClick={() => void save(true)}>
              {t('agency.form.saveAndPublish')}
            </Button>
          )}
          <Button onClick={() => void navigate(need ? `/needs/${need.id}` : '/my/needs')} disabled={false}>
            {t('agency.form.cancel')}
          </Button>
        </Space>
      </Form>
    </Space>
  );
}
