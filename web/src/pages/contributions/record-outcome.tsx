import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { Alert, Form, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, labelOf } from '../../format';
import { graphql } from '../../gql';
import '../match/messages';
import { FormDialog } from './form-dialog';

const GIVER_MATCHES = graphql(`
  query GiverMatches($enterpriseId: ID!, $needId: ID) {
    matches(enterpriseId: $enterpriseId, needId: $needId, status: [ENGAGED, OUTCOME_RECORDED], first: 100) {
      edges {
        node {
          id
          version
          status
          stage
          statusChangedAt
          need {
            id
            title
            organization {
              id
            }
          }
        }
      }
    }
  }
`);

/** The match a contribution is recorded against, as the list's success message names it. */
export interface RecordedMatch {
  id: string;
  needTitle: string;
}

interface Party {
  id: string;
  nameEn: string;
  nameZh?: string | null;
}

/**
 * Coordinators: a donation handed over or a course completed recorded as an outcome of the match it served — one of
 * the giver's engaged matches on a need of the recipient (the API takes no other), on the need it answers when it
 * answers one. The match it names (or the only one there is) is chosen already. The outcome's kind, date and value
 * come from the contribution itself, as the confirmation says.
 */
export function RecordOutcomeDialog({
  title,
  giver,
  recipient,
  need,
  matchId,
  outcome,
  onRecord,
  onRecorded,
  onClose,
}: {
  title: string;
  giver: Party;
  recipient: Party;
  /** The need the contribution answers, if any (as the reader may see it): only matches on it are offered. */
  need?: { id: string; title: string } | null;
  /** The match the contribution names, if any: chosen already. */
  matchId?: string | null;
  /** What will be recorded, in words (kind and date). */
  outcome: string;
  onRecord: (match: { id: string; version: number }) => Promise<unknown>;
  onRecorded: (match: RecordedMatch) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ matchId?: string }>();
  const { data, loading, error } = useQuery(GIVER_MATCHES, {
    variables: { enterpriseId: giver.id, needId: need?.id },
    fetchPolicy: 'network-only',
  });
  const matches = (data?.matches.edges ?? []).map((edge) => edge.node).filter((m) => m.need.organization.id === recipient.id);
  const chosen = matches.find((m) => m.id === matchId)?.id ?? (matches.length === 1 ? matches[0].id : undefined);
  useEffect(() => {
    if (chosen && !form.getFieldValue('matchId')) form.setFieldsValue({ matchId: chosen });
  }, [chosen, form]);
  const parties = { giver: labelOf(giver), recipient: labelOf(recipient), need: need?.title };
  const submit = async ({ matchId }: { matchId?: string }) => {
    const match = matches.find((m) => m.id === matchId)!;
    await onRecord(match);
    onRecorded({ id: match.id, needTitle: match.need.title });
  };
  return (
    <FormDialog<{ matchId?: string }>
      title={t('contributions.outcome.title', { title })}
      okText={t('contributions.outcome.submit')}
      form={form}
      initialValues={{}}
      onSubmit={submit}
      onClose={onClose}
      width={640}
    >
      <Typography.Paragraph>{outcome}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error.message} />}
      {!loading && !error && matches.length === 0 ? (
        <Alert
          type="info"
          showIcon
          data-testid="no-match"
          title={t(need ? 'contributions.outcome.noMatchOnNeed' : 'contributions.outcome.noMatch', parties)}
        />
      ) : (
        <Form.Item
          name="matchId"
          label={t('contributions.outcome.match')}
          extra={t(need ? 'contributions.outcome.matchHintOnNeed' : 'contributions.outcome.matchHint', parties)}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            loading={loading}
            options={matches.map((m) => ({
              value: m.id,
              label: t('contributions.outcome.matchOption', {
                need: m.need.title,
                status: m.stage ? t(`match.outcome.${m.stage}`) : t('contributions.outcome.engaged'),
                date: formatDate(m.statusChangedAt),
              }),
            }))}
          />
        </Form.Item>
      )}
    </FormDialog>
  );
}

/** The list's message once recorded, with the way to the match (where the outcome now shows). */
export function OutcomeRecorded({ match, onClose }: { match: RecordedMatch; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="success"
      showIcon
      closable={{ onClose }}
      data-testid="outcome-recorded"
      title={t('contributions.outcome.recorded', { need: match.needTitle })}
      description={<Link to={`/matches/${match.id}`}>{t('contributions.outcome.openMatch')}</Link>}
    />
  );
}
