import { useQuery } from '@apollo/client/react';
import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { graphql } from '../../gql';
import type { MatchPageQuery } from '../../gql/graphql';
import { formatDate, labelOf } from '../../format';
import { explanationOfMatch, ExplanationView } from '../../matching/explanation';
import { Failure, Loading } from '../../states';
import { MatchActions } from './match-actions';
import { MatchContacts } from './contacts';
import { MatchOutcomes } from './outcomes';
import { MatchTimeline } from './timeline';
import './messages';

const MATCH = graphql(`
  query MatchPage($id: ID!) {
    match(id: $id) {
      id
      status
      version
      origin
      score
      weightsVersion
      reason
      interestMessage
      createdAt
      introducedAt
      statusChangedAt
      agencyResponse
      enterpriseResponse
      stage
      need {
        id
        title
        status
      }
      agency {
        id
        nameEn
        nameZh
      }
      enterprise {
        id
        nameEn
        nameZh
      }
      explanation {
        ...MatchExplanationParts
      }
      outcomes {
        kind
        date
        value
        currency
        note
        recordedAt
      }
      agencyContact {
        organization
        email
        phone
        website
        people {
          name
          email
        }
      }
      enterpriseContact {
        organization
        email
        phone
        website
        people {
          name
          email
        }
      }
    }
    auditTrail(entityId: $id) {
      id
      at
      action
      fromStatus
      toStatus
      reason
      actor {
        name
        role
        organizationName
      }
      changes {
        field
        before
        after
        secret
      }
    }
  }
`);

export type MatchView = MatchPageQuery['match'];

/**
 * Every signed-in role (the API decides who sees which match): the need and both sides, where the match stands, why
 * it was made, what each can do now, the contacts once both accepted, its outcomes and its timeline.
 */
export function MatchPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, error, loading, refetch } = useQuery(MATCH, { variables: { id } });
  if (loading && !data) return <Loading />;
  if (error || !data) return <Failure error={error} retry={() => void refetch()} />;
  const { match, auditTrail } = data;
  const explanation = explanationOfMatch(match.score, match.explanation);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Link to={`/needs/${match.need.id}`}>← {match.need.title}</Link>
      <Typography.Title level={2}>{t('match.heading', { need: match.need.title })}</Typography.Title>
      <Descriptions bordered column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('match.statusLabel')}>
          <Tag data-testid="match-status">{t(`matchStatus.${match.status}`)}</Tag>
          {t('match.statusSinceShort', { date: formatDate(match.statusChangedAt) })}
        </Descriptions.Item>
        <Descriptions.Item label={t('match.need')}>
          <Link to={`/needs/${match.need.id}`}>{match.need.title}</Link> <Tag>{t(`status.${match.need.status}`)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('match.agency')}>{labelOf(match.agency)}</Descriptions.Item>
        <Descriptions.Item label={t('match.enterprise')}>
          <Link to={`/enterprises/${match.enterprise.id}`}>{labelOf(match.enterprise)}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('match.agencyResponse')}>
          <span data-testid="agency-response">{t(`match.response.${match.agencyResponse}`)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('match.enterpriseResponse')}>
          <span data-testid="enterprise-response">{t(`match.response.${match.enterpriseResponse}`)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('match.origin')}>{t(`match.originOf.${match.origin}`)}</Descriptions.Item>
        <Descriptions.Item label={t('match.suggestedAt')}>{formatDate(match.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('match.introducedAt')}>{formatDate(match.introducedAt)}</Descriptions.Item>
        {match.stage && <Descriptions.Item label={t('match.stage')}>{t(`match.outcome.${match.stage}`)}</Descriptions.Item>}
        {match.reason && (
          <Descriptions.Item label={t('match.reason')} span={2}>
            {match.reason}
          </Descriptions.Item>
        )}
        {match.interestMessage && (
          <Descriptions.Item label={t('match.interestMessage')} span={2}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{match.interestMessage}</span>
          </Descriptions.Item>
        )}
      </Descriptions>
      <MatchActions match={match} />
      <MatchContacts match={match} />
      <Card
        title={
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('match.explanation')}
          </Typography.Title>
        }
      >
        {explanation ? (
          <ExplanationView explanation={explanation} weightsVersion={match.weightsVersion ?? null} />
        ) : (
          <Typography.Text>{t('match.noExplanation')}</Typography.Text>
        )}
      </Card>
      <MatchOutcomes match={match} />
      <MatchTimeline entries={auditTrail} />
    </Space>
  );
}
