import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { labelOf } from '../../format';
import { showFieldError } from '../../forms';
import { graphql } from '../../gql';
import type { ActivityKind, CreateActivityInput } from '../../gql/graphql';
import { Failure, Loading } from '../../states';
import './messages';
import { isoToVenueTime, timeZones, venueTimeToIso } from '../../time-zones';
import { ACTIVITY_KINDS, activityTitle } from './activity-format';

const ACTIVITY_FORM = graphql(`
  query ActivityForm($id: ID!, $editing: Boolean!) {
    countries {
      code
      nameEn
      nameZh
    }
    technologies: taxonomy(kind: TECHNOLOGY_CATEGORY) {
      code
      labelEn
      labelZh
    }
    sdgTargets: taxonomy(kind: SDG_TARGET) {
      code
      labelEn
      labelZh
    }
    centres: organizations(kind: RESEARCH_CENTRE, first: 100) {
      edges {
        node {
          id
          nameEn
          nameZh
        }
      }
    }
    programmes(first: 100) {
      edges {
        node {
          id
          nameEn
          nameZh
        }
      }
    }
    activity(id: $id) @include(if: $editing) {
      id
      status
      kind
      title
      titleZh
      description
      city
      startsAt
      endsAt
      timeZone
      capacity
      registrationDeadline
      country {
        code
      }
      hostCentre {
        id
      }
      programme {
        id
      }
      technologyCategories {
        code
      }
      sdgTargets {
        code
      }
    }
  }
`);

const CREATE = graphql(`
  mutation CreateActivity($input: CreateActivityInput!) {
    createActivity(input: $input) {
      id
      status
      version
    }
  }
`);

const UPDATE = graphql(`
  mutation UpdateActivity($input: UpdateActivityInput!) {
    updateActivity(input: $input) {
      id
      status
      version
    }
  }
`);

const PUBLISH = graphql(`
  mutation PublishActivityFromForm($id: ID!) {
    publishActivity(id: $id) {
      id
      status
      version
    }
  }
`);

/** The form's fields, named as CreateActivityInput names them (a server error on `input.x` lands on field x). Times on the venue's clock. */
interface Values {
  kind: ActivityKind | null;
  title: string;
  titleZh: string;
  description: string;
  countryCode: string | null;
  city: string;
  hostCentreId: string | null;
  programmeId: string | null;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  capacity: number | null;
  registrationDeadline: string;
  technologyCategories: string[];
  sdgTargets: string[];
}

const EMPTY: Values = {
  kind: null,
  title: '',
  titleZh: '',
  description: '',
  countryCode: null,
  city: '',
  hostCentreId: null,
  programmeId: null,
  startsAt: '',
  endsAt: '',
  timeZone: 'UTC',
  capacity: null,
  registrationDeadline: '',
  technologyCategories: [],
  sdgTargets: [],
};

function toInput(values: Values): CreateActivityInput {
  const text = (value: string) => (value.trim() ? value.trim() : null);
  const at = (local: string) => venueTimeToIso(local, values.timeZone);
  return {
    kind: values.kind!,
    title: values.title.trim(),
    titleZh: text(values.titleZh),
    description: values.description.trim(),
    countryCode: values.countryCode!,
    city: text(values.city),
    // Left empty: the alliance's own activity, or none hosting it (null clears it on an update).
    hostCentreId: values.hostCentreId ?? null,
    programmeId: values.programmeId ?? null,
    startsAt: at(values.startsAt),
    endsAt: at(values.endsAt),
    timeZone: values.timeZone,
    capacity: values.capacity ?? 0,
    registrationDeadline: at(values.registrationDeadline),
    technologyCategories: values.technologyCategories,
    sdgTargets: values.sdgTargets,
  };
}

/** Coordinators: a new activity (/activities/new) or one not yet held (/activities/:id/edit); saved as a draft, or published. */
export function ActivityFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  // Once created, a failed publish must not create it again: later saves update it.
  const [savedId, setSavedId] = useState(id);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const { data, error, loading, refetch } = useQuery(ACTIVITY_FORM, { variables: { id: id ?? '', editing: Boolean(id) } });
  const [create] = useMutation(CREATE);
  const [update] = useMutation(UPDATE);
  const [publish] = useMutation(PUBLISH);
  const activity = data?.activity;
  const zones = useMemo(() => timeZones().map((zone) => ({ value: zone, label: zone })), []);

  const initial = useMemo<Values | null>(() => {
    if (!data) return null;
    if (!activity) return EMPTY;
    const local = (iso: string) => isoToVenueTime(iso, activity.timeZone);
    return {
      kind: activity.kind,
      title: activity.title,
      titleZh: activity.titleZh ?? '',
      description: activity.description,
      countryCode: activity.country.code,
      city: activity.city ?? '',
      hostCentreId: activity.hostCentre?.id ?? null,
      programmeId: activity.programme?.id ?? null,
      startsAt: local(activity.startsAt),
      endsAt: local(activity.endsAt),
      timeZone: activity.timeZone,
      capacity: activity.capacity,
      registrationDeadline: local(activity.registrationDeadline),
      technologyCategories: activity.technologyCategories.map((term) => term.code),
      sdgTargets: activity.sdgTargets.map((term) => term.code),
    };
  }, [data, activity]);
  useEffect(() => {
    if (initial) form.setFieldsValue(initial);
  }, [form, initial]);

  if (loading && !data) return <Loading />;
  if (error || !data || !initial) return <Failure error={error} retry={() => void refetch()} />;
  const back = activity ? `/activities/${activity.id}` : '/activities';
  if (activity && !['DRAFT', 'OPEN', 'CLOSED'].includes(activity.status))
    return (
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Link to={back}>← {activityTitle(activity)}</Link>
        <Alert type="warning" showIcon title={t('activities.form.notEditable', { status: t(`activities.status.${activity.status}`) })} />
      </Space>
    );
  const isDraft = !activity || activity.status === 'DRAFT';

  const save = async (andPublish: boolean) => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    setFailure(null);
    try {
      const input = toInput({ ...initial, ...values });
      let activityId = savedId;
      if (activityId) await update({ variables: { input: { ...input, id: activityId } } });
      else {
        const created = await create({ variables: { input } });
        activityId = created.data?.createActivity.id;
        setSavedId(activityId);
      }
      if (activityId && andPublish) await publish({ variables: { id: activityId } });
      if (activityId) void navigate(`/activities/${activityId}`);
    } catch (caught) {
      if (!showFieldError(form, caught)) setFailure(caught);
    } finally {
      setBusy(false);
    }
  };

  const required = [{ required: true, message: t('common.required') }];
  const terms = (list: Array<{ code: string; labelEn: string; labelZh: string }>, withCode = false) =>
    list.map((term) => ({ value: term.code, label: withCode ? `${term.code} ${labelOf(term)}` : labelOf(term) }));
  const named = (edges: Array<{ node: { id: string; nameEn: string; nameZh?: string | null } }>) =>
    edges.map(({ node }) => ({ value: node.id, label: labelOf(node) }));
  const half = { xs: 24, md: 12 };
  const third = { xs: 24, md: 8 };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Link to={back}>← {t('common.back')}</Link>
      <Typography.Title level={2}>{t(activity ? 'activities.form.editTitle' : 'activities.form.newTitle')}</Typography.Title>
      {failure !== null && <Failure error={failure} />}
      <Form form={form} layout="vertical" initialValues={initial} disabled={busy} requiredMark>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item label={t('activities.form.kind')} name="kind" rules={required}>
              <Select options={ACTIVITY_KINDS.map((value) => ({ value, label: t(`activities.kind.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('activities.form.capacity')} name="capacity" rules={required} extra={t('activities.form.capacityHint')}>
              <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('activities.form.title')} name="title" rules={[{ ...required[0], whitespace: true }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('activities.form.titleZh')} name="titleZh">
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('activities.form.description')} name="description">
          <Input.TextArea rows={5} maxLength={20000} />
        </Form.Item>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item label={t('activities.form.country')} name="countryCode" rules={required}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={data.countries.map((c) => ({ value: c.code, label: `${labelOf(c)} (${c.code})` }))}
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('activities.form.city')} name="city">
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('activities.form.hostCentre')} name="hostCentreId">
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={named(data.centres.edges)} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('activities.form.programme')} name="programmeId" extra={t('activities.form.programmeHint')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={named(data.programmes.edges)} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item label={t('activities.form.timeZone')} name="timeZone" rules={required} extra={t('activities.form.timeZoneHint')}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={zones} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col {...third}>
            <Form.Item label={t('activities.form.startsAt')} name="startsAt" rules={required}>
              <Input type="datetime-local" />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item label={t('activities.form.endsAt')} name="endsAt" rules={required}>
              <Input type="datetime-local" />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item label={t('activities.form.registrationDeadline')} name="registrationDeadline" rules={required}>
              <Input type="datetime-local" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item label={t('activities.form.topics')} name="technologyCategories">
              <Select mode="multiple" optionFilterProp="label" options={terms(data.technologies)} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('activities.form.sdg')} name="sdgTargets">
              <Select mode="multiple" optionFilterProp="label" options={terms(data.sdgTargets, true)} />
            </Form.Item>
          </Col>
        </Row>
        <Space wrap>
          <Button type={isDraft ? 'default' : 'primary'} loading={busy} onClick={() => void save(false)}>
            {t(isDraft ? 'activities.form.saveDraft' : 'activities.form.save')}
          </Button>
          {isDraft && (
            <Button type="primary" loading={busy} onClick={() => void save(true)}>
              {t('activities.form.saveAndPublish')}
            </Button>
          )}
          <Button disabled={false} onClick={() => void navigate(back)}>
            {t('common.cancel')}
          </Button>
        </Space>
      </Form>
    </Space>
  );
}
