import { useMutation } from '@apollo/client/react';
import { Button, Col, Form, Input, InputNumber, Row, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { PledgeDonationInput } from '../../gql/graphql';
import { FormDialog } from './form-dialog';
import { PledgeParties, type PartyValues } from './pledge-parties';

const PLEDGE = graphql(`
  mutation PledgeDonation($input: PledgeDonationInput!) {
    pledgeDonation(input: $input) {
      id
      status
      version
    }
  }
`);

interface Values extends PartyValues {
  donorId?: string;
  title: string;
  items: Array<{ name: string; quantity: number | null; unitValue: number | null }>;
  currency: string;
  value: number | null;
}

const INITIAL: Values = { title: '', items: [{ name: '', quantity: 1, unitValue: null }], currency: '', value: null };

/**
 * Enterprise members: equipment their enterprise gives a joint centre or an agency, against its need or within a
 * programme. The secretariat pledges the same in a donor enterprise's name.
 */
export function PledgeDonationDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [pledge] = useMutation(PLEDGE, { refetchQueries: ['Donations'], awaitRefetchQueries: true });
  const submit = (values: Values) => {
    const input: PledgeDonationInput = {
      donorId: values.donorId ?? null,
      recipientId: values.recipientId!,
      needId: values.needId ?? null,
      programmeId: values.programmeId ?? null,
      title: values.title.trim(),
      items: values.items.map((item) => ({ name: item.name.trim(), quantity: item.quantity ?? 1, unitValue: item.unitValue ?? null })),
      currency: values.currency.trim() ? values.currency.trim().toUpperCase() : null,
      value: values.value ?? null,
    };
    return pledge({ variables: { input } });
  };
  const required = [{ required: true, message: t('common.required') }];
  return (
    <FormDialog<Values>
      title={t('contributions.pledgeDonation.title')}
      okText={t('contributions.pledgeDonation.submit')}
      form={form}
      initialValues={INITIAL}
      onSubmit={submit}
      onClose={onClose}
      width={760}
    >
      <PledgeParties
        form={form}
        giver={{ name: 'donorId', label: t('contributions.donor'), kinds: ['ENTERPRISE'] }}
        recipientLabel={t('contributions.recipient')}
      />
      <Form.Item name="title" label={t('contributions.pledgeDonation.what')} rules={[{ ...required[0], whitespace: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            {fields.map((field, index) => (
              <div key={field.key} role="group" aria-label={t('contributions.pledgeDonation.itemN', { n: index + 1 })}>
                <Row gutter={12} align="bottom">
                  <Col xs={24} md={10}>
                    <Form.Item
                      name={[field.name, 'name']}
                      label={t('contributions.pledgeDonation.itemName')}
                      rules={[{ ...required[0], whitespace: true }]}
                    >
                      <Input maxLength={200} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={5}>
                    <Form.Item name={[field.name, 'quantity']} label={t('contributions.pledgeDonation.quantity')} rules={required}>
                      <InputNumber min={1} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={5}>
                    <Form.Item name={[field.name, 'unitValue']} label={t('contributions.pledgeDonation.unitValue')}>
                      <InputNumber min={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={4}>
                    {fields.length > 1 && (
                      <Form.Item>
                        <Button onClick={() => remove(field.name)}>{t('contributions.remove')}</Button>
                      </Form.Item>
                    )}
                  </Col>
                </Row>
              </div>
            ))}
            {fields.length < 50 && (
              <Button onClick={() => add({ name: '', quantity: 1, unitValue: null })}>{t('contributions.pledgeDonation.addItem')}</Button>
            )}
          </Space>
        )}
      </Form.List>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} md={12}>
          <Form.Item name="currency" label={t('contributions.currency')} extra={t('contributions.currencyHint')}>
            <Input maxLength={3} style={{ textTransform: 'uppercase' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="value" label={t('contributions.pledgeDonation.total')} extra={t('contributions.pledgeDonation.totalHint')}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </FormDialog>
  );
}
