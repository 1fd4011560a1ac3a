import { useQuery } from '@apollo/client/react';
import { Card, Col, DatePicker, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import { formatDate, formatNumber, labelOf } from '../../format';
import { Failure, Loading, Nothing } from '../../states';
import { LazyWorldMap } from '../../charts/lazy-world-map';
import { FunnelView } from './charts';
import { MatchingWeightsPanel } from './matching-weights';
import { COUNTRIES, REGIONS } from './review-format';
import './messages';

const MATCH_STATISTICS = graphql(`
  query MatchStatistics($since: DateTime, $until: DateTime, $region: String, $countryCode: String) {
    matchStatistics(since: $since, until: $until, region: $region, countryCode: $countryCode) {
      since
      until
      funnel {
        suggested
        introduced
        engaged
        outcomeRecorded
      }
      byStatus {
        status
        count
      }
      medianHoursToIntroduction
      medianHoursToEngagement
      countries {
        countryCode
        matches
        introduced
        engaged
      }
    }
  }
`);

const FUNNEL_STAGES = ['suggested', 'introduced', 'engaged', 'outcomeRecorded'] as const;
type Period = { since?: string; until?: string };

/**
 * Coordinators and admins: the matching pipeline over a period and a place — the funnel, how fast, and where on the map —
 * and the matching weights that rank the needs.
 */
export function StatisticsPage() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<Period>({});
  const [region, setRegion] = useState<string>();
  const [countryCode, setCountryCode] = useState<string>();
  const countries = useQuery(COUNTRIES);
  const { data, error, loading, refetch } = useQuery(MATCH_STATISTICS, {
    variables: { ...period, region, countryCode },
    fetchPolicy: 'cache-and-network',
  });
  const stats = data?.matchStatistics;
  const funnel = useMemo(
    () =>
      stats ? FUNNEL_STAGES.map((stage) => ({ key: stage, name: t(`coordinator.statistics.${stage}`), value: stats.funnel[stage] })) : [],
    [stats, t],
  );
  const byCode = useMemo(() => new Map((countries.data?.countries ?? []).map((c) => [c.code, c])), [countries.data]);
  const nameOf = useCallback(
    (code: string) => {
      const country = byCode.get(code);
      return country ? labelOf(country) : code;
    },
    [byCode],
  );
  const counts = useMemo(
    () => (stats ? stats.countries.map((c) => ({ code: c.countryCode, value: c.matches, name: nameOf(c.countryCode) })) : []),
    [stats, nameOf],
  );
  // Under an hour in minutes (a demo approval takes seconds), else hours to one decimal.
  const duration = (hours: number | null | undefined) => {
    if (hours === null || hours === undefined) return '—';
    if (hours < 1) return t('coordinator.statistics.minutes', { value: formatNumber(Math.max(1, Math.round(hours * 60))) });
    return t('coordinator.statistics.hours', { value: formatNumber(Math.round(hours * 10) / 10) });
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('nav.statistics')}</Typography.Title>
      <Space wrap>
        <DatePicker.RangePicker
          aria-label={t('coordinator.statistics.period')}
          onChange={(dates) =>
            // Whole days: from the first day's start to the end of the last (`until` is exclusive).
            setPeriod({
              since: dates?.[0]?.startOf('day').toISOString(),
              until: dates?.[1]?.add(1, 'day').startOf('day').toISOString(),
            })
          }
        />
        <Select
          aria-label={t('coordinator.statistics.region')}
          style={{ minWidth: 160 }}
          value={region ?? ''}
          onChange={(value: string) => {
            setRegion(value || undefined);
            setCountryCode(undefined);
          }}
          options={[
            { value: '', label: t('coordinator.statistics.anyRegion') },
            ...REGIONS.map((r) => ({ value: r, label: t(`coordinator.regions.${r}`) })),
          ]}
        />
        <Select
          aria-label={t('coordinator.statistics.country')}
          style={{ minWidth: 220 }}
          showSearch={{ optionFilterProp: 'label' }}
          loading={countries.loading}
          value={countryCode ?? ''}
          onChange={(value: string) => setCountryCode(value || undefined)}
          options={[
            { value: '', label: t('coordinator.statistics.anyCountry') },
            ...(countries.data?.countries ?? [])
              .filter((c) => !region || c.region === region)
              .map((c) => ({ value: c.code, label: labelOf(c) })),
          ]}
        />
      </Space>
      {error && <Failure error={error} retry={() => void refetch()} />}
      {!stats && loading && <Loading />}
      {stats && (
        <>
          <Typography.Text type="secondary" data-testid="period-shown">
            {t('coordinator.statistics.periodShown', { since: formatDate(stats.since), until: formatDate(stats.until) })}
          </Typography.Text>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={12}>
              <Card>
                <Statistic title={t('coordinator.statistics.medianToIntroduction')} value={duration(stats.medianHoursToIntroduction)} />
              </Card>
            </Col>
            <Col xs={24} md={12}>
              <Card>
                <Statistic title={t('coordinator.statistics.medianToEngagement')} value={duration(stats.medianHoursToEngagement)} />
              </Card>
            </Col>
          </Row>
          <Typography.Title level={3}>{t('coordinator.statistics.funnel')}</Typography.Title>
          {stats.funnel.suggested === 0 ? (
            <Nothing text={t('coordinator.statistics.noMatches')} />
          ) : (
            <Row gutter={[24, 16]}>
              <Col xs={24} md={14}>
                <FunnelView stages={funnel} label={t('coordinator.statistics.funnelLabel')} />
              </Col>
              <Col xs={24} md={10}>
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Table
                    data-testid="funnel-table"
                    rowKey="key"
                    size="small"
                    pagination={false}
                    dataSource={funnel}
                    columns={[
                      { title: t('coordinator.statistics.stage'), dataIndex: 'name' },
                      {
                        title: t('coordinator.statistics.matches'),
                        dataIndex: 'value',
                        align: 'right',
                        render: (v: number) => formatNumber(v),
                      },
                    ]}
                  />
                  <Typography.Text strong>{t('coordinator.statistics.byStatus')}</Typography.Text>
                  <Space wrap size={4}>
                    {stats.byStatus.map((s) => (
                      <Tag key={s.status}>
                        {t(`matchStatus.${s.status}`)}: {formatNumber(s.count)}
                      </Tag>
                    ))}
                  </Space>
                </Space>
              </Col>
            </Row>
          )}
          <Typography.Title level={3}>{t('coordinator.statistics.map')}</Typography.Title>
          {counts.length === 0 ? (
            <Nothing text={t('coordinator.statistics.noMatches')} />
          ) : (
            <>
              <LazyWorldMap values={counts} label={t('coordinator.statistics.mapLabel')} />
              <Table
                data-testid="countries-table"
                rowKey="countryCode"
                size="small"
                pagination={false}
                scroll={{ x: true }}
                dataSource={stats.countries}
                columns={[
                  { title: t('coordinator.statistics.country'), key: 'country', render: (_, c) => nameOf(c.countryCode) },
                  { title: t('coordinator.statistics.matches'), key: 'matches', align: 'right', render: (_, c) => formatNumber(c.matches) },
                  {
                    title: t('coordinator.statistics.introduced'),
                    key: 'introduced',
                    align: 'right',
                    render: (_, c) => formatNumber(c.introduced),
                  },
                  { title: t('coordinator.statistics.engaged'), key: 'engaged', align: 'right', render: (_, c) => formatNumber(c.engaged) },
                ]}
              />
            </>
          )}
        </>
      )}
      {/* Not tied to the period or place above: what ranks every need now. */}
      <MatchingWeightsPanel />
    </Space>
  );
}
