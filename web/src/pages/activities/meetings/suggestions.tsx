import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Form, Input, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { labelOf } from '../../../format';
import { graphql } from '../../../gql';
import type { DelegateSuggestionsQuery } from '../../../gql/graphql';
import { currentLanguage } from '../../../i18n';
import { ExplanationView, type Explanation } from '../../../matching/explanation';
import { Failure, Loading, Nothing } from '../../../states';

const SUGGESTIONS = graphql(`
  query DelegateSuggestions($registrationId: ID!, $language: Language) {
    meetingSuggestions(registrationId: $registrationId, first: 10, language: $language) {
      rank
      score
      alreadyRequested
      organization {
        id
        nameEn
        nameZh
      }
      need {
        id
        title
      }
      delegates {
        registrationId
        name
        position
      }
      explanation {
        summary
        caveat
        factors {
          key
          label
          value
          weight
          contribution
          detail
        }
        tradeFit {
          value
          detail
        }
        evidence {
          similarity
          reasons
          referenceProject {
            id
            title
            year
            country {
              code
              nameEn
              nameZh
            }
          }
        }
      }
    }
  }
`);

const REQUEST = graphql(`
  mutation RequestMeeting($input: RequestMeetingInput!) {
    requestMeeting(input: $input) {
      id
      status
      version
    }
  }
`);

type Suggestion = DelegateSuggestionsQuery['meetingSuggestions'][number];

const explanationOf = ({ score, explanation }: Suggestion): Explanation => ({
  score,
  summary: explanation.summary,
  factors: explanation.factors,
  tradeFit: explanation.tradeFit,
  evidence: explanation.evidence.map(({ referenceProject: project, similarity, reasons }) => ({
    id: project.id,
    title: project.title,
    year: project.year,
    country: project.country ? labelOf(project.country) : null,
    similarity,
    reasons,
  })),
});

/** Whom the delegate should meet: the organisations there ranked by the matching engine on a need at stake, with why. */
export function Suggestions({ delegateId, changeable }: { delegateId: string; changeable: boolean }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<Suggestion | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  // The explanations come in the reader's language: a switch of language asks again.
  const { data, error, loading, refetch } = useQuery(SUGGESTIONS, {
    variables: { registrationId: delegateId, language: currentLanguage() },
    fetchPolicy: 'cache-and-network',
  });
  const caveat = data?.meetingSuggestions.find((s) => s.explanation.caveat)?.explanation.caveat;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('activities.meetings.suggestions')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('activities.meetings.suggestionsHint')}</Typography.Text>
      {sent && <Alert type="success" showIcon role="status" data-testid="meeting-requested" title={sent} />}
      {error && <Failure error={error} retry={() => void refetch()} />}
      {!data && loading && <Loading />}
      {caveat && <Alert type="info" showIcon role="status" title={caveat} />}
      {data &&
        (data.meetingSuggestions.length === 0 ? (
          <Nothing text={t('activities.meetings.noSuggestions')} />
        ) : (
          <List
            grid={{ gutter: 16, xs: 1, md: 2 }}
            dataSource={data.meetingSuggestions}
            renderItem={(suggestion) => {
              const name = labelOf(suggestion.organization);
              return (
                <List.Item key={suggestion.organization.id}>
                  <Card
                    role="region"
                    aria-label={name}
                    data-testid="suggestion"
                    title={
                      <Typography.Title level={4} style={{ margin: 0, fontSize: 16, whiteSpace: 'normal' }}>
                        #{suggestion.rank} · {name}
                      </Typography.Title>
                    }
                  >
                    <Space direction="vertical" size="small" style={{ width: '100%' }}>
                      <Typography.Text>
                        {t('activities.meetings.about')}: <Link to={`/needs/${suggestion.need.id}`}>{suggestion.need.title}</Link>
                      </Typography.Text>
                      <Typography.Text>
                        {t('activities.meetings.theirDelegates')}:{' '}
                        {suggestion.delegates.map((d) => (d.position ? `${d.name}, ${d.position}` : d.name)).join('; ')}
                      </Typography.Text>
                      <ExplanationView explanation={explanationOf(suggestion)} compact />
                      {suggestion.alreadyRequested ? (
                        <Tag>{t('activities.meetings.alreadyRequested')}</Tag>
                      ) : (
                        changeable && (
                          <Button type="primary" onClick={() => setAsking(suggestion)}>
                            {t('activities.meetings.request')}
                          </Button>
                        )
                      )}
                    </Space>
                  </Card>
                </List.Item>
              );
            }}
          />
        ))}
      {asking && (
        <RequestDialog
          suggestion={asking}
          delegateId={delegateId}
          onDone={(name) => {
            setAsking(null);
            setSent(t('activities.meetings.requested', { name }));
          }}
          onClose={() => setAsking(null)}
        />
      )}
    </Space>
  );
}

/** Asks one of the other organisation's delegates for a meeting, with what to talk about. */
function RequestDialog({
  suggestion,
  delegateId,
  onDone,
  onClose,
}: {
  suggestion: Suggestion;
  delegateId: string;
  onDone: (name: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ toRegistrationId: string; message: string }>();
  const [request, { loading }] = useMutation(REQUEST, {
    refetchQueries: ['ActivityMeetingRequests', 'DelegateSuggestions'],
    awaitRefetchQueries: true,
  });
  const [failure, setFailure] = useState<unknown>(null);
  const submit = async (values: { toRegistrationId: string; message: string }) => {
    setFailure(null);
    try {
      await request({
        variables: {
          input: { fromRegistrationId: delegateId, toRegistrationId: values.toRegistrationId, message: values.message.trim() || null },
        },
      });
      onDone(suggestion.delegates.find((d) => d.registrationId === values.toRegistrationId)?.name ?? '');
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <Modal
      open
      title={t('activities.meetings.requestTitle', { name: labelOf(suggestion.organization) })}
      okText={t('activities.meetings.send')}
      okButtonProps={{ loading }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {failure !== null && <Failure error={failure} />}
        <Form
          form={form}
          layout="vertical"
          initialValues={{
            toRegistrationId: suggestion.delegates.length === 1 ? suggestion.delegates[0].registrationId : undefined,
            message: '',
          }}
          onFinish={(values) => void submit(values)}
        >
          <Form.Item
            name="toRegistrationId"
            label={t('activities.meetings.whom')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select
              options={suggestion.delegates.map((d) => ({
                value: d.registrationId,
                label: d.position ? `${d.name}, ${d.position}` : d.name,
              }))}
            />
          </Form.Item>
          <Form.Item name="message" label={t('activities.meetings.message')} extra={t('activities.meetings.messageHint')}>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Space>
    </Modal>
  );
}
