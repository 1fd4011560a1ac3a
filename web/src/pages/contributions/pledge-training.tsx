import { useMutation } from '@apollo/client/react';
import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { PledgeTrainingInput } from '../../gql/graphql';
import { FormDialog } from './form-dialog';
import { usePledgeChoices } from './pledge-choices';

const PLEDGE = graphql(`
  mutation PledgeTraining($input: PledgeTrainingInput!) {
    pledgeTraining(input: $input) {
      id
      status
      version
    }
  }
`);

interface Values {
  recipientId?: string;
  needId?: string | null;
  programmeId?: string | null;
  activityId?: string | null;
  title: string;
  description: string;
  startsOn: string;
  endsOn: string;
  hours: number | null;
  trainees: number | null;
}

const INITIAL: Values = { title: '', description: '', startsOn: '', endsOn: '', hours: null, trainees: null };

/** Enterprise and joint centre members: a course their organisation gives a partner's staff. */
export function PledgeTrainingDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const recipientId = Form.useWatch('recipientId', form);
  const choices = usePledgeChoices(recipientId);
  const [pledge] = useMutation(PLEDGE, { refetchQueries: ['TrainingCourses'], awaitRefetchQueries: true });
  const submit = (values: Values) => {
    const input: PledgeTrainingInput = {
      recipientId: values.recipientId!,
      needId: values.needId ?? null,
      programmeId: values.programmeId ?? null,
      activityId: values.activityId ?? null,
      title: values.title.trim(),
      description: values.description.trim() || null,
      startsOn: values.startsOn,
      endsOn: values.endsOn || null,
      hours: values.hours ?? 0,
      trainees: values.trainees ?? 0,
    };
    return pledge({ variables: { input } });
  };
  const required = [{ required: true, message: t('common.required') }];
  const half = { xs: 24, md: 12 };
  return (
    <FormDialog<Values>
      title={t('contributions.pledgeTraining.title')}
      okText={t('contributions.pledgeTraining.submit')}
      form={form}
      initialValues={INITIAL}
      onSubmit={submit}
      onClose={onClose}
      width={760}
    >
      <Form.Item name="recipientId" label={t('contributions.trainees')} rules={required} extra={t('contributions.recipientHint')}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={choices.loading}
          options={choices.recipients}
          onChange={() => form.setFieldValue('needId', null)}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name="needId" label={t('contributions.need')}>
            <Select allowClear disabled={!recipientId} loading={choices.needsLoading} options={choices.needs} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="programmeId" label={t('contributions.programme')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={choices.programmes} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="activityId" label={t('contributions.pledgeTraining.activity')}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={choices.trainingActivities} />
      </Form.Item>
      <Form.Item name="title" label={t('contributions.pledgeTraining.courseTitle')} rules={[{ ...required[0], whitespace: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="description" label={t('contributions.pledgeTraining.description')}>
        <Input.TextArea rows={3} maxLength={20000} />
      </Form.Item>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name="startsOn" label={t('contributions.pledgeTraining.startsOn')} rules={required}>
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="endsOn" label={t('contributions.pledgeTraining.endsOn')}>
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="hours" label={t('contributions.pledgeTraining.hours')} rules={required}>
            <InputNumber min={0.5} max={10000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="trainees" label={t('contributions.pledgeTraining.plannedTrainees')} rules={required}>
            <InputNumber min={1} max={10000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </FormDialog>
  );
}
