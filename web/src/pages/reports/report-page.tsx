import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
// antd's own date library (its DatePicker takes dayjs values), installed with antd.
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useCallback, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { LazyWorldMap } from '../../charts/lazy-world-map';
import { formatMoney, formatNumber, labelOf } from '../../format';
import { graphql, useFragment as unmask } from '../../gql';
import type {
  ActivityKind,
  AllianceFigurePartsFragment,
  AllianceReportGrouping,
  AllianceReportQuery,
  MatchOutcomeKind,
} from '../../gql/graphql';
import { intlLocale } from '../../i18n';
import { Failure, Loading, Nothing } from '../../states';
import { downloadCsv } from './download-csv';
import './messages';

// ECharts' bars load with the first report shown, not with the page's own chunk.
const BarView = lazy(() => import('./report-charts').then((m) => ({ default: m.BarView })));

/** The figures of a row and of the totals: one selection for both. */
const ALLIANCE_FIGURES = graphql(`
  fragment AllianceFigureParts on AllianceFigures {
    donations {
      handedOver
      inOperation
      withoutValue
      values {
        currency
        handedOver
        inOperation
      }
    }
    training {
      coursesCompleted
      trainees
      courseHours
      traineeHours
      certificatesIssued
    }
    activities {
      held
      meetingsHeld
      byKind {
        kind
        count
      }
    }
    matches {
      engaged
      outcomesRecorded
      outcomesByKind {
        kind
        count
      }
    }
    sdgTargets {
      code
      labelEn
      labelZh
    }
  }
`);

const ALLIANCE_REPORT = graphql(`
  query AllianceReport(
    $groupBy: AllianceReportGrouping!
    $from: String!
    $to: String!
    $programmeId: ID
    $centreId: ID
    $countryCode: String
  ) {
    allianceReport(groupBy: $groupBy, from: $from, to: $to, programmeId: $programmeId, centreId: $centreId, countryCode: $countryCode) {
      groupBy
      from
      to
      rows {
        key
        nameEn
        nameZh
        figures {
          ...AllianceFigureParts
        }
      }
      totals {
        ...AllianceFigureParts
      }
    }
  }
`);

/** The same report by country, for the map when the rows are programmes or centres (a few figures only). */
const REPORT_BY_COUNTRY = graphql(`
  query AllianceReportByCountry($from: String!, $to: String!, $programmeId: ID, $centreId: ID, $countryCode: String) {
    allianceReport(groupBy: COUNTRY, from: $from, to: $to, programmeId: $programmeId, centreId: $centreId, countryCode: $countryCode) {
      rows {
        key
        nameEn
        nameZh
        figures {
          donations {
            handedOver
          }
          training {
            trainees
          }
          activities {
            held
            meetingsHeld
          }
          matches {
            engaged
          }
        }
      }
    }
  }
`);

/** What the filters offer: the programmes, the joint centres and the countries. */
const REPORT_FILTERS = graphql(`
  query AllianceReportFilters {
    programmes(first: 100) {
      edges {
        node {
          id
          nameEn
          nameZh
        }
      }
    }
    organizations(kind: RESEARCH_CENTRE, first: 100) {
      edges {
        node {
          id
          nameEn
          nameZh
        }
      }
    }
    countries {
      code
      nameEn
      nameZh
    }
  }
`);

type RawReport = AllianceReportQuery['allianceReport'];
type Figures = AllianceFigurePartsFragment;
type ReportRow = Omit<RawReport['rows'][number], 'figures'> & { figures: Figures };
type Report = Omit<RawReport, 'rows' | 'totals'> & { rows: ReportRow[]; totals: Figures };

/** The report with its rows' and totals' figures read out of the fragment they were asked with. */
const readReport = (raw: RawReport): Report => ({
  ...raw,
  rows: raw.rows.map((row) => ({ ...row, figures: unmask(ALLIANCE_FIGURES, row.figures) })),
  totals: unmask(ALLIANCE_FIGURES, raw.totals),
});
type NamedRow = { key?: string | null; nameEn?: string | null; nameZh?: string | null };

const GROUPINGS: AllianceReportGrouping[] = ['PROGRAMME', 'CENTRE', 'COUNTRY'];
const MEASURES = ['donations', 'trainees', 'activities', 'meetings', 'engaged'] as const;
type Measure = (typeof MEASURES)[number];
type CountryFigures = {
  donations: { handedOver: number };
  training: { trainees: number };
  activities: { held: number; meetingsHeld: number };
  matches: { engaged: number };
};
const MEASURE: Record<Measure, (f: CountryFigures) => number> = {
  donations: (f) => f.donations.handedOver,
  trainees: (f) => f.training.trainees,
  activities: (f) => f.activities.held,
  meetings: (f) => f.activities.meetingsHeld,
  engaged: (f) => f.matches.engaged,
};

const DAY_FORMAT = 'YYYY-MM-DD';
/** A day of the URL (YYYY-MM-DD) as the date picker's value; none when it is no date (the server says why). */
const dayOf = (value: string): Dayjs | null => {
  const day = dayjs(value);
  // dayjs reads 2026-02-30 as 2 March: such a day is left out of the picker, and the server's refusal says why.
  return day.isValid() && day.format(DAY_FORMAT) === value ? day : null;
};

/** A calendar day (YYYY-MM-DD) in the reader's locale, the same day wherever the reader is. */
const formatDay = (day: string): string =>
  new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

/** Text for numbers that may carry decimals (hours). */
const formatHours = (hours: number): string => formatNumber(Math.round(hours * 10) / 10);

/**
 * Coordinators and admins: the alliance's work over a period, per programme, joint centre or country (issue 16) —
 * the totals, a sortable table of the rows, bars, a world map by country, and the same report as a CSV file. The
 * controls are kept in the URL, so a report can be bookmarked or sent.
 */
export function ReportPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const groupParam = params.get('groupBy') as AllianceReportGrouping | null;
  const groupBy: AllianceReportGrouping = groupParam && GROUPINGS.includes(groupParam) ? groupParam : 'PROGRAMME';
  // By default the current year up to today, on the reader's calendar.
  const from = params.get('from') ?? dayjs().startOf('year').format(DAY_FORMAT);
  const to = params.get('to') ?? dayjs().format(DAY_FORMAT);
  const programmeId = params.get('programme') ?? undefined;
  const centreId = params.get('centre') ?? undefined;
  const countryCode = params.get('country') ?? undefined;
  const filters = { from, to, programmeId, centreId, countryCode };
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

  const options = useQuery(REPORT_FILTERS);
  const { data, previousData, error, loading, refetch } = useQuery(ALLIANCE_REPORT, {
    variables: { groupBy, ...filters },
    fetchPolicy: 'cache-and-network',
  });
  // The last report stays shown while the next one is asked for (another grouping or period), under its own period.
  const raw = (data ?? previousData)?.allianceReport;
  const report = useMemo(() => raw && readReport(raw), [raw]);
  const byCountry = useQuery(REPORT_BY_COUNTRY, { variables: filters, skip: groupBy === 'COUNTRY', fetchPolicy: 'cache-and-network' });

  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const download = async () => {
    const query = new URLSearchParams({ groupBy, from, to });
    if (programmeId) query.set('programmeId', programmeId);
    if (centreId) query.set('centreId', centreId);
    if (countryCode) query.set('countryCode', countryCode);
    setDownloading(true);
    setDownloadError(null);
    try {
      await downloadCsv(`/reports/alliance.csv?${query.toString()}`, `alliance-report-${groupBy.toLowerCase()}-${from}-${to}.csv`);
    } catch (caught) {
      setDownloadError(caught);
    } finally {
      setDownloading(false);
    }
  };

  // The grouping of the report shown (the last one, while another is asked for).
  const shownGroup = report?.groupBy ?? groupBy;
  // A row's name in the reader's language; the row of no programme (no centre) says so.
  const language = i18n.language;
  const nameOf = useCallback(
    (row: NamedRow): string =>
      row.key && row.nameEn ? labelOf({ nameEn: row.nameEn, nameZh: row.nameZh }) : (row.key ?? t(`reports.noKey.${shownGroup}`)),
    // labelOf reads the language: a switch names the rows again.
    [shownGroup, t, language],
  );
  const groupName = t(`reports.groupNoun.${shownGroup}`);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={2}>{t('nav.reports')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('reports.intro')}</Typography.Paragraph>
      </div>
      <Space wrap align="center">
        <Typography.Text id="report-group-by">{t('reports.groupBy')}</Typography.Text>
        <Segmented<AllianceReportGrouping>
          aria-labelledby="report-group-by"
          value={groupBy}
          options={GROUPINGS.map((grouping) => ({ value: grouping, label: t(`reports.group.${grouping}`) }))}
          onChange={(value) => set({ groupBy: value })}
        />
        <DatePicker.RangePicker
          aria-label={t('reports.period')}
          allowClear={false}
          value={[dayOf(from), dayOf(to)]}
          onChange={(dates) => set({ from: dates?.[0]?.format(DAY_FORMAT), to: dates?.[1]?.format(DAY_FORMAT) })}
        />
        <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void download()}>
          {t('reports.download')}
        </Button>
      </Space>
      <Space wrap>
        <Select
          aria-label={t('reports.programme')}
          style={{ minWidth: 240, maxWidth: 360 }}
          showSearch={{ optionFilterProp: 'label' }}
          loading={options.loading}
          value={programmeId ?? ''}
          onChange={(value: string) => set({ programme: value || undefined })}
          options={[
            { value: '', label: t('reports.anyProgramme') },
            ...(options.data?.programmes.edges ?? []).map(({ node }) => ({ value: node.id, label: labelOf(node) })),
          ]}
        />
        <Select
          aria-label={t('reports.centre')}
          style={{ minWidth: 240, maxWidth: 360 }}
          showSearch={{ optionFilterProp: 'label' }}
          loading={options.loading}
          value={centreId ?? ''}
          onChange={(value: string) => set({ centre: value || undefined })}
          options={[
            { value: '', label: t('reports.anyCentre') },
            ...(options.data?.organizations.edges ?? []).map(({ node }) => ({ value: node.id, label: labelOf(node) })),
          ]}
        />
        <Select
          aria-label={t('reports.country')}
          style={{ minWidth: 200 }}
          showSearch={{ optionFilterProp: 'label' }}
          loading={options.loading}
          value={countryCode ?? ''}
          onChange={(value: string) => set({ country: value || undefined })}
          options={[
            { value: '', label: t('reports.anyCountry') },
            ...(options.data?.countries ?? []).map((c) => ({ value: c.code, label: labelOf(c) })),
          ]}
        />
      </Space>
      {downloadError !== null && <Failure error={downloadError} />}
      {error && <Failure error={error} retry={() => void refetch()} />}
      {!report && loading && <Loading />}
      {report && !error && (
        <>
          <Typography.Text type="secondary" data-testid="period-shown">
            {t('reports.periodShown', { from: formatDay(report.from), to: formatDay(report.to) })}
          </Typography.Text>
          {report.rows.length === 0 ? (
            // Nothing anywhere: no totals of zeros, no empty table, chart or map.
            <Nothing text={t('reports.nothing')} />
          ) : (
            <>
              <Headline totals={report.totals} />
              <Typography.Title level={3}>{t('reports.table')}</Typography.Title>
              <RowsTable report={report} nameOf={nameOf} label={t('reports.tableLabel', { group: groupName })} loading={loading} />
              <Typography.Title level={3}>{t('reports.charts')}</Typography.Title>
              <Suspense fallback={<Loading />}>
                <Charts report={report} nameOf={nameOf} groupName={groupName} />
              </Suspense>
              <Typography.Title level={3}>{t('reports.map')}</Typography.Title>
              {shownGroup === 'COUNTRY' ? (
                <CountryMap rows={report.rows} />
              ) : byCountry.error ? (
                <Failure error={byCountry.error} retry={() => void byCountry.refetch()} />
              ) : (byCountry.data ?? byCountry.previousData) ? (
                <CountryMap rows={(byCountry.data ?? byCountry.previousData)?.allianceReport.rows ?? []} />
              ) : (
                <Loading />
              )}
            </>
          )}
        </>
      )}
    </Space>
  );
}

/** One figure of the headline: its label above, the number below (formatted in the reader's locale). */
function Figure({ title, value, testId, extra }: { title: string; value: string; testId: string; extra?: ReactNode }) {
  return (
    <div data-testid={testId}>
      <Statistic title={title} value={value} />
      {extra}
    </div>
  );
}

/** The totals of the report: what the alliance did in the period, family by family. */
function Headline({ totals }: { totals: Figures }) {
  const { t } = useTranslation();
  const { donations, training, activities, matches, sdgTargets } = totals;
  const kinds = <Kind extends string>(list: Array<{ kind: Kind; count: number }>, label: (kind: Kind) => string) =>
    list.length > 0 && (
      <Space wrap size={4} style={{ marginTop: 8 }}>
        {list.map((entry) => (
          <Tag key={entry.kind}>
            {label(entry.kind)}: {formatNumber(entry.count)}
          </Tag>
        ))}
      </Space>
    );
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12} xl={6}>
          <Card style={{ height: '100%' }}>
            <Figure
              title={t('reports.headline.donations')}
              value={formatNumber(donations.handedOver)}
              testId="total-donations"
              extra={
                <Typography.Text type="secondary">
                  {t('reports.headline.inOperation', { n: formatNumber(donations.inOperation) })}
                  {donations.withoutValue > 0 && <> · {t('reports.headline.withoutValue', { n: formatNumber(donations.withoutValue) })}</>}
                </Typography.Text>
              }
            />
            <div style={{ marginTop: 12 }} data-testid="total-values">
              <Typography.Text type="secondary">{t('reports.headline.values')}</Typography.Text>
              {donations.values.length === 0 ? (
                <div>{t('reports.headline.noValue')}</div>
              ) : (
                // One line per currency: values in different currencies are never added up.
                donations.values.map((value) => (
                  <div key={value.currency} data-testid={`total-value-${value.currency}`}>
                    <Typography.Text strong style={{ fontSize: 18 }}>
                      {formatMoney(value.handedOver, value.currency)}
                    </Typography.Text>{' '}
                    <Typography.Text type="secondary">
                      {t('reports.headline.valueInOperation', { value: formatMoney(value.inOperation, value.currency) })}
                    </Typography.Text>
                  </div>
                ))
              )}
            </div>
          </Card>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Card style={{ height: '100%' }}>
            <Row gutter={[16, 12]}>
              <Col span={12}>
                <Figure title={t('reports.headline.courses')} value={formatNumber(training.coursesCompleted)} testId="total-courses" />
              </Col>
              <Col span={12}>
                <Figure title={t('reports.headline.trainees')} value={formatNumber(training.trainees)} testId="total-trainees" />
              </Col>
              <Col span={12}>
                <Figure title={t('reports.headline.courseHours')} value={formatHours(training.courseHours)} testId="total-course-hours" />
              </Col>
              <Col span={12}>
                <Figure
                  title={t('reports.headline.traineeHours')}
                  value={formatHours(training.traineeHours)}
                  testId="total-trainee-hours"
                />
              </Col>
              <Col span={12}>
                <Figure
                  title={t('reports.headline.certificates')}
                  value={formatNumber(training.certificatesIssued)}
                  testId="total-certificates"
                />
              </Col>
            </Row>
          </Card>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Card style={{ height: '100%' }}>
            <Row gutter={[16, 12]}>
              <Col span={12}>
                <Figure title={t('reports.headline.activities')} value={formatNumber(activities.held)} testId="total-activities" />
              </Col>
              <Col span={12}>
                <Figure title={t('reports.headline.meetings')} value={formatNumber(activities.meetingsHeld)} testId="total-meetings" />
              </Col>
            </Row>
            {kinds<ActivityKind>(activities.byKind, (kind) => t(`reports.activityKind.${kind}`))}
          </Card>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Card style={{ height: '100%' }}>
            <Row gutter={[16, 12]}>
              <Col span={12}>
                <Figure title={t('reports.headline.engaged')} value={formatNumber(matches.engaged)} testId="total-engaged" />
              </Col>
              <Col span={12}>
                <Figure title={t('reports.headline.outcomes')} value={formatNumber(matches.outcomesRecorded)} testId="total-outcomes" />
              </Col>
            </Row>
            {kinds<MatchOutcomeKind>(matches.outcomesByKind, (kind) => t(`reports.outcomeKind.${kind}`))}
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('reports.headline.sdgTargets')}>
        {sdgTargets.length === 0 ? (
          <Typography.Text type="secondary">{t('reports.headline.noTargets')}</Typography.Text>
        ) : (
          <Space wrap size={[4, 8]} data-testid="total-sdg-targets">
            {sdgTargets.map((target) => (
              // Long labels wrap rather than widen the page on a phone.
              <Tag key={target.code} style={{ whiteSpace: 'normal' }}>
                <strong>{target.code}</strong> {labelOf(target)}
              </Tag>
            ))}
          </Space>
        )}
      </Card>
    </Space>
  );
}

/** A numeric column of the table: its value in a row's (or the totals') figures. */
type Metric = { key: string; title: string; value: (f: Figures) => number; text?: (f: Figures) => string };

/** The rows, sortable by any figure, and the totals under them (the totals stay last whatever the order). */
function RowsTable({
  report,
  nameOf,
  label,
  loading,
}: {
  report: Report;
  nameOf: (row: ReportRow) => string;
  label: string;
  /** Another report is being asked for: this one stays, dimmed. */
  loading: boolean;
}) {
  const { t } = useTranslation();
  const collator = useMemo(() => new Intl.Collator(intlLocale()), []);
  // One column per currency of the report, as in the CSV: values in different currencies are never added up.
  const currencies = report.totals.donations.values.map((value) => value.currency);
  const valueIn = (f: Figures, currency: string) => f.donations.values.find((value) => value.currency === currency)?.handedOver ?? 0;
  const metrics: Metric[] = [
    { key: 'donations', title: t('reports.column.donations'), value: (f) => f.donations.handedOver },
    { key: 'inOperation', title: t('reports.column.inOperation'), value: (f) => f.donations.inOperation },
    ...currencies.map((currency) => ({
      key: `value-${currency}`,
      title: t('reports.column.value', { currency }),
      value: (f: Figures) => valueIn(f, currency),
      text: (f: Figures) => formatMoney(valueIn(f, currency), currency),
    })),
    { key: 'courses', title: t('reports.column.courses'), value: (f) => f.training.coursesCompleted },
    { key: 'trainees', title: t('reports.column.trainees'), value: (f) => f.training.trainees },
    {
      key: 'courseHours',
      title: t('reports.column.courseHours'),
      value: (f) => f.training.courseHours,
      text: (f) => formatHours(f.training.courseHours),
    },
    {
      key: 'traineeHours',
      title: t('reports.column.traineeHours'),
      value: (f) => f.training.traineeHours,
      text: (f) => formatHours(f.training.traineeHours),
    },
    { key: 'certificates', title: t('reports.column.certificates'), value: (f) => f.training.certificatesIssued },
    { key: 'activities', title: t('reports.column.activities'), value: (f) => f.activities.held },
    { key: 'meetings', title: t('reports.column.meetings'), value: (f) => f.activities.meetingsHeld },
    { key: 'engaged', title: t('reports.column.engaged'), value: (f) => f.matches.engaged },
    { key: 'outcomes', title: t('reports.column.outcomes'), value: (f) => f.matches.outcomesRecorded },
  ];
  const targets = (f: Figures) =>
    f.sdgTargets.length === 0 ? (
      '—'
    ) : (
      <Space wrap size={2}>
        {f.sdgTargets.map((target) => (
          <Tooltip key={target.code} title={labelOf(target)}>
            <Tag style={{ marginInlineEnd: 0 }}>{target.code}</Tag>
          </Tooltip>
        ))}
      </Space>
    );
  const columns: TableColumnsType<ReportRow> = [
    {
      key: 'name',
      title: t('reports.column.name'),
      fixed: 'left',
      width: 260,
      render: (_, row) => <span data-testid="row-name">{nameOf(row)}</span>,
      sorter: (a, b) => collator.compare(nameOf(a), nameOf(b)),
    },
    ...metrics.map((metric): TableColumnsType<ReportRow>[number] => ({
      key: metric.key,
      title: metric.title,
      align: 'right',
      render: (_, row) => (metric.text ?? ((f: Figures) => formatNumber(metric.value(f))))(row.figures),
      sorter: (a, b) => metric.value(a.figures) - metric.value(b.figures),
      sortDirections: ['descend', 'ascend'],
    })),
    { key: 'sdgTargets', title: t('reports.column.sdgTargets'), render: (_, row) => targets(row.figures) },
  ];
  return (
    <Table<ReportRow>
      data-testid="report-table"
      aria-label={label}
      rowKey={(row) => row.key ?? ''}
      size="small"
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={report.rows}
      columns={columns}
      summary={() => (
        <Table.Summary>
          <Table.Summary.Row data-testid="report-totals">
            <Table.Summary.Cell index={0}>
              <strong>{t('reports.total')}</strong>
            </Table.Summary.Cell>
            {metrics.map((metric, i) => (
              <Table.Summary.Cell key={metric.key} index={i + 1} align="right">
                <strong>{(metric.text ?? ((f: Figures) => formatNumber(metric.value(f))))(report.totals)}</strong>
              </Table.Summary.Cell>
            ))}
            <Table.Summary.Cell index={metrics.length + 1}>{targets(report.totals)}</Table.Summary.Cell>
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}

/** Bars of the rows' trainees and donations, and of the activities by kind (ECharts, in a chunk of its own). */
function Charts({ report, nameOf, groupName }: { report: Report; nameOf: (row: ReportRow) => string; groupName: string }) {
  const { t } = useTranslation();
  // Kept between renders: a new array would draw the chart again.
  const charts = useMemo(() => {
    const bars = (value: (f: Figures) => number) => report.rows.map((row) => ({ name: nameOf(row), value: value(row.figures) }));
    return [
      { testId: 'chart-trainees', title: t('reports.traineesByGroup', { group: groupName }), bars: bars((f) => f.training.trainees) },
      { testId: 'chart-donations', title: t('reports.donationsByGroup', { group: groupName }), bars: bars((f) => f.donations.handedOver) },
    ];
  }, [report, nameOf, groupName, t]);
  const byKind = useMemo(
    () => report.totals.activities.byKind.map((entry) => ({ name: t(`reports.activityKind.${entry.kind}`), value: entry.count })),
    [report, t],
  );
  return (
    <Row gutter={[24, 24]}>
      {charts.map((chart) => (
        <Col key={chart.testId} xs={24} lg={12}>
          <Typography.Text strong>{chart.title}</Typography.Text>
          <BarView bars={chart.bars} label={t('reports.chartLabel', { title: chart.title })} testId={chart.testId} />
        </Col>
      ))}
      <Col xs={24} lg={12}>
        <Typography.Text strong>{t('reports.activitiesByKind')}</Typography.Text>
        {byKind.length === 0 ? (
          <Nothing text={t('reports.noActivities')} />
        ) : (
          <BarView bars={byKind} label={t('reports.chartLabel', { title: t('reports.activitiesByKind') })} testId="chart-activities" />
        )}
      </Col>
    </Row>
  );
}

type CountryRow = NamedRow & { figures: CountryFigures };

/** The world map, coloured by one figure per country (chosen above it), with the same numbers listed under it. */
function CountryMap({ rows }: { rows: CountryRow[] }) {
  const { t, i18n } = useTranslation();
  const [measure, setMeasure] = useState<Measure>('donations');
  const language = i18n.language;
  const values = useMemo(
    () =>
      // Everything has a country: every row of this grouping has a key and a name.
      rows
        .filter((row) => row.key && row.nameEn)
        .map((row) => ({
          code: row.key as string,
          name: labelOf({ nameEn: row.nameEn as string, nameZh: row.nameZh }),
          value: MEASURE[measure](row.figures),
        }))
        .filter((country) => country.value > 0)
        .sort((a, b) => b.value - a.value),
    // labelOf reads the language.
    [rows, measure, language],
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 }}>
        <Typography.Text id="map-measure">{t('reports.mapMeasure')}</Typography.Text>
        {/* Scrolls sideways on a phone rather than widen the page. */}
        <div style={{ minWidth: 0, maxWidth: '100%', overflowX: 'auto' }}>
          <Segmented<Measure>
            aria-labelledby="map-measure"
            value={measure}
            options={MEASURES.map((m) => ({ value: m, label: t(`reports.measureLabel.${m}`) }))}
            onChange={setMeasure}
          />
        </div>
      </div>
      {values.length === 0 ? (
        <Nothing text={t('reports.noCountries')} />
      ) : (
        <>
          <LazyWorldMap values={values} label={t('reports.mapLabel', { measure: t(`reports.measure.${measure}`) })} testId="report-map" />
          <Space wrap size={[4, 8]} data-testid="map-values">
            {values.map((country) => (
              <Tag key={country.code}>
                {country.name}: {formatNumber(country.value)}
              </Tag>
            ))}
          </Space>
        </>
      )}
    </Space>
  );
}
