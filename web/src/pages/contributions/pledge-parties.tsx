import { Col, Form, Row, Select, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrganizationKind } from '../../gql/graphql';
import { OrganizationSelect } from '../../organization-select';
import { useSession } from '../../session';
import { usePledgeChoices } from './pledge-choices';

/** The fields every pledge starts with, named as the pledge inputs name them. */
export interface PartyValues {
  recipientId?: string;
  needId?: string | null;
  programmeId?: string | null;
}

/**
 * Who gives, to whom, for what: the giver (only for the secretariat, which pledges in an organisation's name; members
 * always pledge for their own), the recipient, one of its open needs, the programme. Returns the pledge choices for
 * the fields that follow (training activities).
 */
export function PledgeParties({
  form,
  giver,
  recipientLabel,
}: {
  form: FormInstance;
  giver: { name: 'donorId' | 'trainerId'; label: string; kinds: OrganizationKind[] };
  recipientLabel: string;
}) {
  const { t } = useTranslation();
  const { user } = useSession();
  const recipientId = Form.useWatch<string | undefined>('recipientId', form);
  const choices = usePledgeChoices(recipientId);
  const required = [{ required: true, message: t('common.required') }];
  const half = { xs: 24, md: 12 };
  return (
    <>
      {user?.role === 'COORDINATOR' && (
        <Form.Item name={giver.name} label={giver.label} rules={required} extra={t('contributions.giverHint')}>
          <OrganizationSelect kinds={giver.kinds} />
        </Form.Item>
      )}
      <Form.Item name="recipientId" label={recipientLabel} rules={required} extra={t('contributions.recipientHint')}>
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
    </>
  );
}
