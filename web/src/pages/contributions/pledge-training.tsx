import { useMutation } from '@apollo/client/react';
import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { PledgeTrainingInput } from '../../gql/graphql';
import { FormDialog } from './form-dialog';
import { usePledgeChoices } from './pledge-choices';
import { PledgeParties, type PartyValues } from './pledge-parties';

const PLEDGE = graphql(`
  mutation PledgeTraining($input: PledgeTrainingInput!) {
    pledgeTraining(input: $input) {
      id
      status
      version
    }
  }
`);

interface Values extends PartyValues {
  trainerId?: string;
  activityId?: string | null;
  title: string;
  description: string;
  startsOn: string;
  endsOn: string;
  hours: number | null;
  trainees: number | null;
}

const INITIAL: Values = { title: '', description: '', startsOn: '', endsOn: '', hours: null, trainees: null };

/** Enterprise and joint centre members: a course their organisation gives a partner's staff; the secretariat names the trainer. */
export function PledgeTrainingDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const choices = usePledgeChoices(undefined);
  const [pledge] = useMutation(PLEDGE, { refetchQueries: ['TrainingCourses'], awaitRefetchQueries: true });
  const submit = (values: Values) => {
    const input: PledgeTrainingInput = {
      trainerId: values.trainerId ?? null,
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
      <PledgeParties
        form={form}
        giver={{ name: 'trainerId', label: t('contributions.trainer'), kinds: ['ENTERPRISE', 'RESEARCH_CENTRE'] }}
        recipientLabel={t('contributions.trainees')}
      />
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
