import { Button, Card, Checkbox, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NeedCandidatesQuery } from '../../gql/graphql';
import { labelOf } from '../../format';
import { explanationOfMatch, ExplanationView } from '../../matching/explanation';
import './messages';

export type Candidate = NeedCandidatesQuery['matches']['edges'][number]['node'];

interface Props {
  candidate: Candidate;
  selected: boolean;
  busy: boolean;
  onSelect: (selected: boolean) => void;
  onShortlist: () => void;
  onApprove: () => void;
  onReject: () => void;
}

/** One candidate of a need: who, why (the explanation), and the coordinator's moves. */
export function CandidateCard({ candidate, selected, busy, onSelect, onShortlist, onApprove, onReject }: Props) {
  const { t } = useTranslation();
  const name = labelOf(candidate.enterprise);
  const explanation = explanationOfMatch(candidate.score, candidate.explanation);
  return (
    <Card
      role="region"
      aria-label={name}
      data-testid="candidate"
      style={{ height: '100%' }}
      title={
        <Typography.Title level={3} style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>
          {name}
        </Typography.Title>
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap size={4}>
          {candidate.rank && <Tag>{t('coordinator.candidates.rank', { rank: candidate.rank })}</Tag>}
          <Tag>{t(`matchStatus.${candidate.status}`)}</Tag>
          <Tag>{t(`coordinator.origin${candidate.origin}`)}</Tag>
          <Link to={`/enterprises/${candidate.enterprise.id}`}>{t('coordinator.candidates.enterprise')}</Link>
        </Space>
        {candidate.interestMessage && (
          <Typography.Paragraph style={{ margin: 0 }}>
            <Typography.Text strong>{t('coordinator.candidates.interest')}: </Typography.Text>
            {candidate.interestMessage}
          </Typography.Paragraph>
        )}
        {explanation && <ExplanationView explanation={explanation} compact />}
        <Checkbox
          checked={selected}
          aria-label={t('coordinator.candidates.selectNamed', { name })}
          onChange={(event) => onSelect(event.target.checked)}
        >
          {t('coordinator.candidates.select')}
        </Checkbox>
        <Space wrap>
          {candidate.status === 'SUGGESTED' && (
            <Button disabled={busy} onClick={onShortlist}>
              {t('coordinator.candidates.shortlist')}
            </Button>
          )}
          <Button type="primary" disabled={busy} onClick={onApprove}>
            {t('coordinator.candidates.approve')}
          </Button>
          <Button disabled={busy} onClick={onReject}>
            {t('coordinator.candidates.reject')}
          </Button>
        </Space>
      </Space>
    </Card>
  );
}
