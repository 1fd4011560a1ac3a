import { useQuery } from '@apollo/client/react';
import { Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { MatchingWeightsStatus } from '../../gql/graphql';
import { formatDate, formatDateTime, formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';
import { Failure, Loading, Nothing } from '../../states';
import './messages';

const MATCHING_WEIGHTS = graphql(`
  query MatchingWeightsPanel($language: Language) {
    matchingWeights(language: $language) {
      version
      weights {
        factor
        label
        weight
      }
      record {
        version
        learnedAt
        learnedBy
        historicalExamples
        decisions
        evaluatedCases
        mrr {
          value
          low
          high
        }
        recallAt10 {
          value
          low
          high
        }
        previousMrr {
          value
        }
        mrrGain {
          value
          low
          high
        }
      }
    }
    matchingWeightsHistory(first: 20) {
      version
      status
      learnedAt
      mrr {
        value
      }
      mrrGain {
        value
      }
      reason
    }
  }
`);

type Estimate = { value: number; low: number; high: number };

/** A metric to three decimals (MRR, recall); a gain with its sign. */
const figure = (value: number) => formatNumber(Math.round(value * 1000) / 1000);
const signed = (value: number) => (value > 0 ? `+${figure(value)}` : figure(value));

/**
 * Coordinators and admins: the matching weights that rank now — learned (from which held-out projects and decisions, how
 * well) or the defaults in code —, each factor's weight, and the refits tried (in force, retired, refused and why).
 */
export function MatchingWeightsPanel() {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useQuery(MATCHING_WEIGHTS, {
    variables: { language: currentLanguage() },
    fetchPolicy: 'cache-and-network',
  });
  const heading = (
    <Typography.Title level={3} id="matching-weights">
      {t('coordinator.weights.title')}
    </Typography.Title>
  );
  if (!data)
    return (
      <section aria-labelledby="matching-weights" data-testid="matching-weights">
        {heading}
        {loading ? <Loading /> : <Failure error={error} retry={() => void refetch()} />}
      </section>
    );

  const { version, weights, record } = data.matchingWeights;
  const history = data.matchingWeightsHistory;
  const interval = (e: Estimate, show = figure) =>
    t('coordinator.weights.interval', { value: show(e.value), low: show(e.low), high: show(e.high) });
  const percent = (weight: number) => t('coordinator.weights.percent', { value: formatNumber(Math.round(weight * 1000) / 10) });
  const by = (learnedBy: string) =>
    learnedBy === 'cli' || learnedBy === 'schedule' ? t(`coordinator.weights.by.${learnedBy}`) : learnedBy;
  const weighed = weights.filter((w) => w.weight > 0).sort((a, b) => b.weight - a.weight);
  const informationOnly = weights.filter((w) => w.weight <= 0);

  return (
    <section aria-labelledby="matching-weights" data-testid="matching-weights">
      {heading}
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('coordinator.weights.inForce')} span={2}>
            <span data-testid="weights-in-force">
              {version === null || version === undefined
                ? t(history.length ? 'coordinator.weights.defaultsAfterRefits' : 'coordinator.weights.defaults')
                : t('coordinator.weights.version', { version })}
            </span>
          </Descriptions.Item>
          {record && (
            <>
              <Descriptions.Item label={t('coordinator.weights.learnedAt')}>{formatDateTime(record.learnedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('coordinator.weights.learnedBy')}>{by(record.learnedBy)}</Descriptions.Item>
              <Descriptions.Item label={t('coordinator.weights.learnedFrom')}>
                {t('coordinator.weights.learnedFromValue', {
                  examples: formatNumber(record.historicalExamples),
                  decisions: formatNumber(record.decisions),
                })}
              </Descriptions.Item>
              <Descriptions.Item label={t('coordinator.weights.evaluated')}>
                {t('coordinator.weights.evaluatedValue', { cases: formatNumber(record.evaluatedCases) })}
              </Descriptions.Item>
              <Descriptions.Item label={t('coordinator.weights.mrr')}>{interval(record.mrr)}</Descriptions.Item>
              <Descriptions.Item label={t('coordinator.weights.recallAt10')}>{interval(record.recallAt10)}</Descriptions.Item>
              {record.mrrGain && (
                <Descriptions.Item label={t('coordinator.weights.gain')} span={2}>
                  {t('coordinator.weights.gainValue', {
                    gain: interval(record.mrrGain, signed),
                    previous: record.previousMrr ? figure(record.previousMrr.value) : '—',
                  })}
                </Descriptions.Item>
              )}
            </>
          )}
        </Descriptions>

        <Typography.Title level={4}>{t('coordinator.weights.factors')}</Typography.Title>
        <Table
          data-testid="weights-table"
          rowKey="factor"
          size="small"
          pagination={false}
          scroll={{ x: true }}
          dataSource={weighed}
          columns={[
            { title: t('coordinator.weights.factor'), key: 'factor', render: (_, w) => w.label },
            { title: t('coordinator.weights.weight'), key: 'weight', align: 'right', render: (_, w) => percent(w.weight) },
          ]}
        />
        {informationOnly.length > 0 && (
          <div data-testid="weights-information-only">
            <Typography.Text>{t('coordinator.weights.informationOnly')}</Typography.Text>
            <ul style={{ margin: '4px 0 0' }}>
              {informationOnly.map((w) => (
                <li key={w.factor}>{w.label}</li>
              ))}
            </ul>
          </div>
        )}

        <Typography.Title level={4}>{t('coordinator.weights.history')}</Typography.Title>
        {history.length === 0 ? (
          <Nothing text={t('coordinator.weights.noHistory')} />
        ) : (
          <Table
            data-testid="weights-history"
            rowKey="version"
            size="small"
            pagination={false}
            scroll={{ x: true }}
            dataSource={history}
            columns={[
              { title: t('coordinator.weights.historyVersion'), key: 'version', render: (_, r) => `v${r.version}` },
              {
                title: t('coordinator.weights.historyStatus'),
                key: 'status',
                render: (_, r) => <Tag>{t(`coordinator.weights.status.${r.status satisfies MatchingWeightsStatus}`)}</Tag>,
              },
              { title: t('coordinator.weights.historyDate'), key: 'date', render: (_, r) => formatDate(r.learnedAt) },
              { title: t('coordinator.weights.historyMrr'), key: 'mrr', align: 'right', render: (_, r) => figure(r.mrr.value) },
              {
                title: t('coordinator.weights.historyGain'),
                key: 'gain',
                align: 'right',
                render: (_, r) => (r.mrrGain ? signed(r.mrrGain.value) : '—'),
              },
              { title: t('coordinator.weights.historyReason'), key: 'reason', render: (_, r) => r.reason ?? '—' },
            ]}
          />
        )}
      </Space>
    </section>
  );
}
