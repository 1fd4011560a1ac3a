import { List, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format';
import { graphql, useFragment as unmask, type FragmentType } from '../gql';
import { useSession } from '../session';

export interface ExplainedFactor {
  key: string;
  label: string;
  value: number;
  weight: number;
  contribution: number;
  detail: string;
}

export interface CitedProject {
  id: string;
  title: string;
  year?: number | null;
  country?: string | null;
  similarity: number;
  reasons: string[];
}

export interface Explanation {
  score: number;
  summary?: string | null;
  factors: ExplainedFactor[];
  tradeFit: { value: number; detail: string };
  evidence: CitedProject[];
}

/** What a match keeps of its explanation (the snapshot taken when it was suggested): one selection for every page. */
export const MATCH_EXPLANATION = graphql(`
  fragment MatchExplanationParts on MatchExplanationSnapshot {
    summary
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
      referenceProjectId
      title
      year
      countryCode
      similarity
      reasons
    }
  }
`);

/** A match's snapshot as the view reads it; the score is the match's (the factors add up to it). */
export function explanationOfMatch(
  score: number | null | undefined,
  snapshot: FragmentType<typeof MATCH_EXPLANATION> | null | undefined,
): Explanation | null {
  const parts = unmask(MATCH_EXPLANATION, snapshot);
  if (!parts) return null;
  return {
    score: score ?? parts.factors.reduce((sum, factor) => sum + factor.contribution, 0),
    summary: parts.summary,
    factors: parts.factors,
    tradeFit: parts.tradeFit,
    evidence: parts.evidence.map(({ referenceProjectId, countryCode, ...project }) => ({
      ...project,
      id: referenceProjectId,
      country: countryCode,
    })),
  };
}

const percent = (value: number) => `${Math.round(value * 100)}%`;

/**
 * Coordinators (the API tells only them): which weights ranked a suggestion — a learned version (see the statistics
 * page's matching weights) or the defaults in code.
 */
function RankedWith({ weightsVersion }: { weightsVersion: number | null }) {
  const { t } = useTranslation();
  const { user } = useSession();
  if (user?.role !== 'COORDINATOR' && user?.role !== 'ADMIN') return null;
  return (
    <Typography.Text type="secondary" data-testid="ranked-with">
      {weightsVersion === null ? t('explanation.rankedWithDefaults') : t('explanation.rankedWith', { version: weightsVersion })}
    </Typography.Text>
  );
}

/**
 * Why a candidate ranks where it does: each factor's contribution to the score as a bar (the bars add up to the
 * score), the trade fit that scales them, and the reference projects cited as evidence. The same view for the
 * enterprise's opportunities, the coordinator's candidates and a match's page.
 */
export function ExplanationView({
  explanation,
  compact = false,
  weightsVersion,
}: {
  explanation: Explanation;
  compact?: boolean;
  /** The weights version that ranked it (null: the defaults), told to coordinators; leave out where it does not apply. */
  weightsVersion?: number | null;
}) {
  const { t } = useTranslation();
  const { score, factors, tradeFit, evidence } = explanation;
  const { summary } = explanation;
  const shown = factors.filter((factor) => factor.contribution > 0 || !compact).sort((a, b) => b.contribution - a.contribution);
  const widest = Math.max(score, ...shown.map((factor) => factor.contribution), 1e-9);
  return (
    <Space direction="vertical" size="small" style={{ width: '100%' }} data-testid="explanation">
      <Typography.Text strong>
        {t('explanation.score')}: {formatNumber(Math.round(score * 1000) / 1000)}
      </Typography.Text>
      {/* An interest scored on nothing (no verified profile then) was ranked by no weights. */}
      {weightsVersion !== undefined && factors.length > 0 && <RankedWith weightsVersion={weightsVersion} />}
      {summary && <Typography.Text type="secondary">{summary}</Typography.Text>}
      <ul aria-label={t('explanation.factors')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {shown.map((factor) => (
          <li key={factor.key} data-testid={`factor-${factor.key}`} style={{ marginBottom: 6 }}>
            <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
              <span style={{ flex: '0 0 40%', minWidth: 0 }}>{factor.label}</span>
              <Tooltip title={`${t('explanation.value')} ${percent(factor.value)} × ${t('explanation.weight')} ${percent(factor.weight)}`}>
                <div
                  role="img"
                  aria-label={`${factor.label}: +${factor.contribution.toFixed(3)}`}
                  style={{ flex: 1, background: '#f0f0f0', height: 10, borderRadius: 5 }}
                >
                  <div style={{ width: `${(factor.contribution / widest) * 100}%`, background: '#0958d9', height: 10, borderRadius: 5 }} />
                </div>
              </Tooltip>
              <span style={{ flex: '0 0 56px', textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
                +{factor.contribution.toFixed(3)}
              </span>
            </div>
            {!compact && <Typography.Text type="secondary">{factor.detail}</Typography.Text>}
          </li>
        ))}
      </ul>
      <Typography.Text>
        <Typography.Text strong>{t('explanation.tradeFit')}</Typography.Text>: {percent(tradeFit.value)} — {tradeFit.detail}
      </Typography.Text>
      {evidence.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>{t('explanation.evidence')}</Typography.Text>}
          dataSource={evidence}
          renderItem={(project) => (
            <List.Item key={project.id}>
              <Space direction="vertical" size={0}>
                <span>
                  {project.title}
                  {project.year ? ` (${project.year}${project.country ? `, ${project.country}` : ''})` : ''}
                </span>
                <Space size={4} wrap>
                  <Tag>
                    {t('explanation.similarity')} {percent(project.similarity)}
                  </Tag>
                  {project.reasons.map((reason) => (
                    <Tag key={reason}>{reason}</Tag>
                  ))}
                </Space>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}
