import { Alert, Button, Col, Form, Input, Row, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { DelegateInput, RegisterDelegatesInput } from '../../gql/graphql';

export const REGISTER_DELEGATES = graphql(`
  mutation RegisterDelegates($input: RegisterDelegatesInput!) {
    registerDelegates(input: $input) {
      id
      delegateName
      status
      waitingListPosition
    }
  }
`);

export type Registered = { id: string; delegateName: string; status: string; waitingListPosition?: number | null };
export const BLANK_DELEGATE: DelegateInput = { name: '', email: '', position: '' };

/** The input of a registration, the form's delegates trimmed (an empty position left out). */
export function registrationInput(activityId: string, delegates: DelegateInput[], organizationId?: string): RegisterDelegatesInput {
  return {
    activityId,
    organizationId: organizationId ?? null,
    delegates: delegates.map((d) => ({ name: d.name.trim(), email: d.email.trim(), position: d.position?.trim() || null })),
  };
}

/** The delegates to register, one group each (name, e-mail, position), seated in this order: up to 20. */
export function DelegateFields() {
  const { t } = useTranslation();
  return (
    <Form.List name="delegates">
      {(fields, { add, remove }) => (
        <Space direction="vertical" style={{ width: '100%' }}>
          {fields.map((field, index) => (
            <div key={field.key} role="group" aria-label={t('activities.delegates.delegateN', { n: index + 1 })}>
              <Row gutter={12} align="bottom">
                <Col xs={24} md={7}>
                  <Form.Item
                    name={[field.name, 'name']}
                    label={t('activities.delegates.name')}
                    rules={[{ required: true, whitespace: true, message: t('common.required') }]}
                  >
                    <Input maxLength={200} autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={7}>
                  <Form.Item
                    name={[field.name, 'email']}
                    label={t('activities.delegates.email')}
                    rules={[
                      { required: true, whitespace: true, message: t('common.required') },
                      { type: 'email', message: t('activities.delegates.emailInvalid') },
                    ]}
                  >
                    <Input type="email" maxLength={320} autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={7}>
                  <Form.Item name={[field.name, 'position']} label={t('activities.delegates.position')}>
                    <Input maxLength={200} autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={3}>
                  {fields.length > 1 && (
                    <Form.Item>
                      <Button onClick={() => remove(field.name)}>{t('activities.delegates.remove')}</Button>
                    </Form.Item>
                  )}
                </Col>
              </Row>
            </div>
          ))}
          {fields.length < 20 && <Button onClick={() => add(BLANK_DELEGATE)}>{t('activities.delegates.add')}</Button>}
        </Space>
      )}
    </Form.List>
  );
}

/** Where each delegate just registered stands: a seat held, or a place on the waiting list. */
export function RegisteredAlert({ registered, organization }: { registered: Registered[]; organization?: string }) {
  const { t } = useTranslation();
  const outcome = (r: Registered) =>
    r.status === 'WAITLISTED'
      ? t('activities.delegates.waitlisted', { name: r.delegateName, position: r.waitingListPosition ?? '?' })
      : t('activities.delegates.seatHeld', { name: r.delegateName });
  return (
    <Alert
      type="success"
      showIcon
      data-testid="registered"
      title={organization ? t('activities.registrations.registeredFor', { organization }) : t('activities.delegates.registered')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {registered.map((r) => (
            <li key={r.id}>{outcome(r)}</li>
          ))}
        </ul>
      }
    />
  );
}
