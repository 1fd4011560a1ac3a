import { useMutation } from '@apollo/client/react';
import { Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../apollo';
import { graphql } from '../../gql';
import { showFieldError } from '../../forms';
import { labelOf } from '../../format';
import { Failure } from '../../states';
import type { Candidate } from './candidate-card';
import './messages';

const REJECT = graphql(`
  mutation RejectCandidate($input: MatchReasonInput!) {
    rejectMatch(input: $input) {
      id
      status
      version
      reason
      statusChangedAt
    }
  }
`);

interface Props {
  candidate: Candidate;
  onDone: (outcome: 'rejected' | 'conflict') => void;
  onCancel: () => void;
}

/** Rejects one candidate with a reason (required: it goes into the audit trail); the server's refusals show at the field. */
export function RejectDialog({ candidate, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [reject, { loading }] = useMutation(REJECT);
  const [failure, setFailure] = useState<unknown>(null);
  const submit = async ({ reason }: { reason: string }) => {
    setFailure(null);
    try {
      await reject({ variables: { input: { id: candidate.id, version: candidate.version, reason } } });
      onDone('rejected');
    } catch (error) {
      if (describeError(error).code === 'CONFLICT') onDone('conflict');
      else if (!showFieldError(form, error)) setFailure(error);
    }
  };
  return (
    <Modal
      open
      title={t('coordinator.candidates.rejectTitle', { name: labelOf(candidate.enterprise) })}
      okText={t('coordinator.candidates.reject')}
      okButtonProps={{ loading }}
      cancelText={t('coordinator.candidates.cancel')}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {failure !== null && <Failure error={failure} />}
        <Form form={form} layout="vertical" initialValues={{ reason: '' }} onFinish={(values) => void submit(values)}>
          <Form.Item
            name="reason"
            label={t('coordinator.candidates.reason')}
            extra={t('coordinator.candidates.reasonHint')}
            rules={[{ required: true, whitespace: true, message: t('coordinator.candidates.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Space>
    </Modal>
  );
}
