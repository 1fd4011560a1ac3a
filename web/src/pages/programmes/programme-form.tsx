import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { labelOf } from '../../format';
import { showFieldError } from '../../forms';
import { graphql } from '../../gql';
import type { CreateProgrammeInput } from '../../gql/graphql';
import { Failure, Loading } from '../../states';
import './messages';

const PROGRAMME_FORM = graphql(`
  query ProgrammeForm($id: ID!, $editing: Boolean!) {
    sdgTargets: taxonomy(kind: SDG_TARGET) {
      code
      labelEn
      labelZh
    }
    programme(id: $id) @include(if: $editing) {
      id
      nameEn
      nameZh
      sponsor
      description
      startsOn
      endsOn
      budget
      currency
      sdgTargets {
        code
      }
    }
  }
`);

const CREATE = graphql(`
  mutation CreateProgramme($input: CreateProgrammeInput!) {
    createProgramme(input: $input) {
      id
      version
    }
  }
`);

const UPDATE = graphql(`
  mutation UpdateProgramme($input: UpdateProgrammeInput!) {
    updateProgramme(input: $input) {
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
    }
  }
`);

/** The form's fields, named as CreateProgrammeInput names them (a server error on `input.x` lands on field x). */
interface Values {
  nameEn: string;
  nameZh: string;
  sponsor: string;
  description: string;
  startsOn: string;
  endsOn: string;
  budget: number | null;
  currency: string;
  sdgTargets: string[];
}

const EMPTY: Values = {
  nameEn: '',
  nameZh: '',
  sponsor: '',
  description: '',
  startsOn: '',
  endsOn: '',
  budget: null,
  currency: '',
  sdgTargets: [],
};

function toInput(values: Values): CreateProgrammeInput {
  const text = (value: string) => (value.trim() ? value.trim() : null);
  return {
    nameEn: values.nameEn.trim(),
    nameZh: text(values.nameZh),
    sponsor: values.sponsor.trim(),
    description: values.description.trim(),
    startsOn: values.startsOn,
    endsOn: text(values.endsOn),
    budget: values.budget ?? null,
    currency: text(values.currency)?.toUpperCase() ?? null,
    sdgTargets: values.sdgTargets,
  };
}

/** Coordinators: a new programme (/programmes/new) or a change to one (/programmes/:id/edit). */
export function ProgrammeFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const { data, error, loading, refetch } = useQuery(PROGRAMME_FORM, { variables: { id: id ?? '', editing: Boolean(id) } });
  const [create] = useMutation(CREATE);
  const [update] = useMutation(UPDATE);
  const programme = data?.programme;
  const initial = useMemo<Values | null>(() => {
    if (!data) return null;
    if (!programme) return EMPTY;
    return {
      nameEn: programme.nameEn,
      nameZh: programme.nameZh ?? '',
      sponsor: programme.sponsor,
      description: programme.description,
      startsOn: programme.startsOn,
      endsOn: programme.endsOn ?? '',
      budget: programme.budget ?? null,
      currency: programme.currency ?? '',
      sdgTargets: programme.sdgTargets.map((term) => term.code),
    };
  }, [data, programme]);
  useEffect(() => {
    if (initial) form.setFieldsValue(initial);
  }, [form, initial]);

  if (loading && !data) return <Loading />;
  if (error || !data || !initial) return <Failure error={error} retry={() => void refetch()} />;
  const back = programme ? `/programmes/${programme.id}` : '/programmes';

  const save = async (values: Values) => {
    setBusy(true);
    setFailure(null);
    try {
      const input = toInput({ ...initial, ...values });
      let savedId = programme?.id;
      if (savedId) await update({ variables: { input: { ...input, id: savedId } } });
      else savedId = (await create({ variables: { input } })).data?.createProgramme.id;
      if (savedId) void navigate(`/programmes/${savedId}`);
    } catch (caught) {
      if (!showFieldError(form, caught)) setFailure(caught);
    } finally {
      setBusy(false);
    }
  };
  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  const half = { xs: 24, md: 12 };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Link to={back}>← {t('common.back')}</Link>
      <Typography.Title level={2}>{t(programme ? 'programmes.form.editTitle' : 'programmes.form.newTitle')}</Typography.Title>
      {failure !== null && <Failure error={failure} />}
      <Form form={form} layout="vertical" initialValues={initial} disabled={busy} requiredMark onFinish={(values) => void save(values)}>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item label={t('programmes.form.nameEn')} name="nameEn" rules={required}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('programmes.form.nameZh')} name="nameZh">
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('programmes.sponsor')} name="sponsor" rules={required} extra={t('programmes.form.sponsorHint')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label={t('programmes.form.description')} name="description">
          <Input.TextArea rows={5} maxLength={20000} />
        </Form.Item>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item label={t('programmes.form.startsOn')} name="startsOn" rules={required}>
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('programmes.form.endsOn')} name="endsOn" extra={t('programmes.form.endsOnHint')}>
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('programmes.budget')} name="budget">
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('programmes.form.currency')} name="currency" extra={t('programmes.form.currencyHint')}>
              <Input maxLength={3} style={{ textTransform: 'uppercase' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('programmes.sdg')} name="sdgTargets">
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={data.sdgTargets.map((term) => ({ value: term.code, label: `${term.code} ${labelOf(term)}` }))}
          />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t(programme ? 'programmes.form.save' : 'programmes.form.create')}
          </Button>
          <Button disabled={false} onClick={() => void navigate(back)}>
            {t('common.cancel')}
          </Button>
        </Space>
      </Form>
    </Space>
  );
}
