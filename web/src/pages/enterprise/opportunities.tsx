import { useQuery } from '@apollo/client/react';
import { Button, Card, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../../gql';
import type { OpportunitiesQuery } from '../../gql/graphql';
import { formatDate, formatMoney, labelOf } from '../../format';
import { currentLanguage } from '../../i18n';
import { ExplanationView, type Explanation } from '../../matching/explanation';
import { useSession } from '../../session';
import { Failure, Loading, Nothing } from '../../states';
import { NeedSearch } from './need-search';

const OPPORTUNITIES = graphql(`
  query Opportunities($organizationId: ID!, $first: Int!, $language: Language) {
    opportunities(organizationId: $organizationId, first: $first, language: $language) {
      rank
      score
      need {
        id
        title
        budgetMin
        budgetMax
        currency
        deadline
        country {
          code
          nameEn
          nameZh
        }
        sector {
          labelEn
          labelZh
        }
      }
      explanation {
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

const RANKED = 10;
type Opportunity = OpportunitiesQuery['opportunities'][number];

const explanationOf = ({ score, explanation }: Opportunity): Explanation => ({
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

/** One ranked need: what it is, and why it ranks here (the factor bars and cited projects; details on demand). */
function OpportunityCard({ opportunity }: { opportunity: Opportunity }) {
  const { t } = useTranslation();
  const [full, setFull] = useState(false);
  const { need, rank } = opportunity;
  return (
    <List.Item>
      <Card style={{ width: '100%' }} data-testid="opportunity">
        <Typography.Title level={3} style={{ marginTop: 0, fontSize: 18 }}>
          {t('enterprise.rank', { rank })} · <Link to={`/needs/${need.id}`}>{need.title}</Link>
        </Typography.Title>
        <Space wrap style={{ marginBottom: 12 }}>
          <Tag>{labelOf(need.country)}</Tag>
          <Tag>{labelOf(need.sector)}</Tag>
          <span>
            {t('needs.budget')}: {formatMoney(need.budgetMax ?? need.budgetMin, need.currency)}
          </span>
          <span>
            {t('needs.deadline')}: {formatDate(need.deadline)}
          </span>
        </Space>
        <ExplanationView explanation={explanationOf(opportunity)} compact={!full} />
        <Button type="link" style={{ paddingInline: 0 }} aria-expanded={full} onClick={() => setFull(!full)}>
          {full ? t('enterprise.lessDetail') : t('enterprise.moreDetail')}
        </Button>
      </Card>
    </List.Item>
  );
}

/** Enterprise members: the open needs ranked for their enterprise, each with why; and a search over all needs. */
export function OpportunitiesPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const organizationId = user?.organization.id ?? '';
  // The server writes the explanations in the reader's language: a switch of language asks again.
  const { data, error, loading, refetch } = useQuery(OPPORTUNITIES, {
    variables: { organizationId, first: RANKED, language: currentLanguage() },
    skip: !organizationId || Boolean(query),
  });
  const search = (value: string) => setParams(value.trim() ? { q: value.trim() } : {});
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('enterprise.opportunitiesTitle')}</Typography.Title>
      <Input.Search
        key={query}
        aria-label={t('enterprise.searchNeeds')}
        placeholder={t('needs.searchPlaceholder')}
        defaultValue={query}
        allowClear
        enterButton={t('enterprise.search')}
        style={{ width: 560, maxWidth: '100%' }}
        onSearch={search}
      />
      {query ? (
        <NeedSearch query={query} onClear={() => search('')} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('enterprise.opportunitiesIntro', { count: RANKED })}</Typography.Paragraph>
          {error && <Failure error={error} retry={() => void refetch()} />}
          {loading && !data && <Loading />}
          {data &&
            (data.opportunities.length === 0 ? (
              <Nothing text={t('enterprise.noOpportunities')} />
            ) : (
              <List
                aria-label={t('enterprise.opportunitiesTitle')}
                dataSource={data.opportunities}
                renderItem={(opportunity) => <OpportunityCard key={opportunity.need.id} opportunity={opportunity} />}
              />
            ))}
        </>
      )}
    </Space>
  );
}
