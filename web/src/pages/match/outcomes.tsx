import { useMutation } from '@apollo/client/react';
import { Button, Card, Col, Form, Input, InputNumber, List, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { MatchOutcomeKind } from '../../gql/graphql';
import { formatDate, formatMoney } from '../../format';
import { showFieldError } from '../../forms';
import { useSession } from '../../session';
import { Failure, Nothing } from '../../states';
import type { MatchView } from './match';
import './messages';

const RECORD_OUTCOME = graphql(`
  mutation RecordMatchOutcome($input: RecordMatchOutcomeInput!) {
    recordMatchOutcome(input: $input) {
      id
      status
      version
      stage
      statusChangedAt
      outcomes {
        kind
        date
        value
        currency
        note
        recordedAt
      }
    }
  }
`);

const KINDS: MatchOutcomeKind[] = ['MOU_SIGNED', 'TRAINING_DELIVERED', 'PILOT_OR_DEMONSTRATION', 'CONTRACT', 'HANDOVER', 'NONE'];

interface OutcomeValues {
  kind: MatchOutcomeKind | null;
  date: string;
  value: number | null;
  currency: string;
  note: string;
}

/** The secretariat records what came of an engagement (src/matches: coordinators and admins only). */
function RecordOutcomeForm({ match }: { match: MatchView }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<OutcomeValues>();
  const [failure, setFailure] = useState<unknown>(null);
  // The timeline is read again with the page.
  const [record, { loading }] = useMutation(RECORD_OUTCOME, { refetchQueries: ['MatchPage'] });
  const submit = async (values: OutcomeValues) => {
    setFailure(null);
    try {
      await record({
        variables: {
          input: {
            id: match.id,
            version: match.version,
            kind: values.kind as MatchOutcomeKind,
            date: values.date,
            value: values.value ?? null,
            currency: values.currency.trim() ? values.currency.trim().toUpperCase() : null,
            note: values.note.trim() || null,
          },
        },
      });
      form.resetFields();
    } catch (caught) {
      if (!showFieldError(form, caught)) setFailure(caught);
    }
  };
  const required = [{ required: true, message: t('match.required') }];
  return (
    <Form<OutcomeValues>
      form={form}
      layout="vertical"
      initialValues={{ kind: null, date: '', value: null, currency: '', note: '' }}
      onFinish={(values) => void submit(values)}
      aria-label={t('match.recordOutcome')}
    >
      <Typography.Title level={4}>{t('match.recordOutcome')}</Typography.Title>
      {failure !== null && <Failure error={failure} />}
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label={t('match.outcomeKind')} name="kind" rules={required}>
            <Select options={KINDS.map((kind) => ({ value: kind, label: t(`match.outcome.${kind}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('match.outcomeDate')} name="date" rules={required}>
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item label={t('match.outcomeValue')} name="value">
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item label={t('match.outcomeCurrency')} name="currency">
            <Input maxLength={3} style={{ textTransform: 'uppercase' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('match.outcomeNote')} name="note">
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={loading}>
        {t('match.record')}
      </Button>
    </Form>
  );
}

/** What came of the match, in date order, and (for the secretariat, once engaged) a form to record the next step. */
export function MatchOutcomes({ match }: { match: MatchView }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const staff = user?.role === 'COORDINATOR' || user?.role === 'ADMIN';
  const recording = staff && (match.status === 'ENGAGED' || match.status === 'OUTCOME_RECORDED');
  if (match.outcomes.length === 0 && !recording && match.status !== 'ENGAGED') return null;
  return (
    <Card
      title={
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('match.outcomes')}
        </Typography.Title>
      }
      data-testid="match-outcomes"
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {match.outcomes.length === 0 ? (
          <Nothing text={t('match.noOutcomes')} />
        ) : (
          <List
            size="small"
            dataSource={match.outcomes}
            renderItem={(outcome) => (
              <List.Item key={`${outcome.kind}-${outcome.date}-${outcome.recordedAt}`}>
                <List.Item.Meta
                  title={`${formatDate(outcome.date)} — ${t(`match.outcome.${outcome.kind}`)}`}
                  description={[
                    outcome.value !== null && outcome.value !== undefined ? formatMoney(outcome.value, outcome.currency) : null,
                    outcome.note,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                />
              </List.Item>
            )}
          />
        )}
        {recording && <RecordOutcomeForm match={match} />}
      </Space>
    </Card>
  );
}
