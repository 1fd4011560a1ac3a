import { Button, Card, Checkbox, ConfigProvider, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NeedCandidatesQuery } from '../../gql/graphql';
import { labelOf } from '../../format';
import { ExplanationView, type Explanation } from '../../matching/explanation';

// antd's descriptions labels (#00000073, 2.9:1 on white) fail WCAG AA; the console's secondary grey passes (7:1).
const READABLE_LABELS = { components: { Descriptions: { labelColor: '#595959' } } };

export type Candidate = NeedCandidatesQuery['matches']['edges'][number]['node'];

/** The match's snapshot, as the explanation view reads it (the score is the match's, fixed when it was suggested). */
function explanationOf(candidate: Candidate): Explanation | null {
  const snapshot = candidate.explanation;
  if (!snapshot) return null;
  return {
    score: candidate.score ?? 0,
    summary: snapshot.summary,
    factors: snapshot.factors,
    tradeFit: snapshot.tradeFit,
    evidence: snapshot.evidence.map((e) => ({ ...e, id: e.referenceProjectId, country: e.countryCode })),
  };
}

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
  const explanation = explanationOf(candidate);
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
        {explanation && (
          <ConfigProvider theme={READABLE_LABELS}>
            <ExplanationView explanation={explanation} compact />
          </ConfigProvider>
        )}
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
