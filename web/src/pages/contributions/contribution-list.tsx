import { Button, Select, Space, Table, Tag, Typography, type TableColumnsType, type TableProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmButton } from '../../confirm-button';
import { labelOf } from '../../format';
import { ReasonDialog } from '../../reason-dialog';
import { useSession } from '../../session';
import { Failure, Loading, Nothing } from '../../states';
import { OutcomeRecorded, RecordOutcomeDialog, type RecordedMatch } from './record-outcome';

interface Party {
  id: string;
  nameEn: string;
  nameZh?: string | null;
  kind?: string;
}

/** What a donation and a training course have alike: a title, a status moved at a version, a giver and a recipient. */
export interface ContributionRow {
  id: string;
  title: string;
  status: string;
  reason?: string | null;
  version: number;
  matchId?: string | null;
  recipient: Party;
}

/** The moves both lifecycles share: the secretariat approves or refuses a pledge, the giver withdraws it. */
export type SharedMove = { to: 'APPROVED' } | { to: 'REFUSED'; reason: string } | { to: 'WITHDRAWN'; reason: string | null };

/** A dialog the list shows over itself until it is closed. */
export type OpenDialog = (render: (close: () => void) => ReactNode) => void;

interface Connection<T> {
  edges: Array<{ node: T }>;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

type Pages<K extends string, C> = Record<K, C>;

/**
 * A list query's result as the list takes it (`{...pagedList('donations', query)}`): the connection, its state, and
 * "more" appending the next page to the ones read.
 */
export function pagedList<K extends string, C extends Connection<unknown>>(
  field: K,
  query: {
    data?: Pages<K, C>;
    error?: unknown;
    loading: boolean;
    refetch: () => Promise<unknown>;
    fetchMore: (options: {
      variables: { after?: string | null };
      updateQuery: (previous: Pages<K, C>, options: { fetchMoreResult: Pages<K, C> }) => Pages<K, C>;
    }) => Promise<unknown>;
  },
) {
  return {
    connection: query.data?.[field],
    error: query.error,
    loading: query.loading,
    refetch: () => void query.refetch(),
    more: (after: string | null | undefined) =>
      void query.fetchMore({
        variables: { after },
        updateQuery: (previous, { fetchMoreResult }) =>
          ({
            [field]: { ...fetchMoreResult[field], edges: [...previous[field].edges, ...fetchMoreResult[field].edges] },
          }) as Pages<K, C>,
      }),
  };
}

export interface ContributionListProps<T extends ContributionRow, S extends string> {
  statuses: S[];
  statusText: (status: S) => string;
  status: S | undefined;
  onStatus: (status: S | undefined) => void;
  /** The pledge button's text and its dialog; null when the reader may not pledge. */
  pledge: { text: string; dialog: (close: () => void) => ReactNode } | null;
  connection: Connection<T> | undefined;
  error: unknown;
  loading: boolean;
  refetch: () => void;
  more: (after: string | null | undefined) => void;
  none: string;
  testId: string;
  statusTestId: string;
  giverTitle: string;
  giver: (row: T) => Party;
  recipientTitle: string;
  /** The first column: what is given. */
  what: TableColumnsType<T>[number];
  /** The columns between the recipient and the status (when, how much). */
  columns: TableColumnsType<T>;
  /** Under the status tag (e.g. the day of the handover). */
  statusNote?: (row: T) => ReactNode;
  /** The columns after the status, before the actions. */
  trailing?: TableColumnsType<T>;
  expandable?: TableProps<T>['expandable'];
  send: (row: T, move: SharedMove) => Promise<unknown>;
  moving: boolean;
  /** This lifecycle's own moves for the reader (ship, hand over, complete…), before the shared withdrawal. */
  moves: (row: T, open: OpenDialog, act: (work: Promise<unknown>) => void) => ReactNode[];
  /** When a coordinator may record the row as a match outcome, and how (kind and date in words, the mutation). */
  outcome: {
    ready: (row: T) => boolean;
    text: (row: T) => string;
    record: (row: T, match: { id: string; version: number }) => Promise<unknown>;
  };
}

/**
 * Equipment donations and training courses listed alike: a status filter, the pledge button, a table whose actions are
 * the reader's moves (approve and refuse for the secretariat, withdraw for the giver, the lifecycle's own), and, for
 * the secretariat, recording a contribution given as the outcome of the match it served.
 */
export function ContributionList<T extends ContributionRow, S extends string>(props: ContributionListProps<T, S>) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [dialog, setDialog] = useState<{ render: (close: () => void) => ReactNode } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [recorded, setRecorded] = useState<RecordedMatch | null>(null);
  const coordinator = user?.role === 'COORDINATOR';
  const mine = user?.organization?.id;
  const { connection: list, send, giver } = props;
  const open: OpenDialog = (render) => setDialog({ render });
  const act = (work: Promise<unknown>) => {
    setFailure(null);
    work.catch(setFailure);
  };

  const actions = (row: T) => {
    const buttons: ReactNode[] = [];
    if (coordinator && row.status === 'PLEDGED')
      buttons.push(
        <ConfirmButton
          key="approve"
          size="small"
          primary
          loading={props.moving}
          question={t('contributions.approveConfirm', { title: row.title })}
          onConfirm={() => act(send(row, { to: 'APPROVED' }))}
        >
          {t('contributions.approve')}
        </ConfirmButton>,
        <Button
          key="refuse"
          size="small"
          onClick={() =>
            open((close) => (
              <ReasonDialog
                title={t('contributions.refuseTitle', { title: row.title })}
                okText={t('contributions.refuse')}
                onSubmit={(reason) => send(row, { to: 'REFUSED', reason })}
                onClose={close}
              />
            ))
          }
        >
          {t('contributions.refuse')}
        </Button>,
      );
    buttons.push(...props.moves(row, open, act));
    if (giver(row).id === mine && (row.status === 'PLEDGED' || row.status === 'APPROVED'))
      buttons.push(
        <Button
          key="withdraw"
          size="small"
          onClick={() =>
            open((close) => (
              <ReasonDialog
                title={t('contributions.withdrawTitle', { title: row.title })}
                okText={t('contributions.withdraw')}
                required={false}
                onSubmit={(reason) => send(row, { to: 'WITHDRAWN', reason: reason || null })}
                onClose={close}
              />
            ))
          }
        >
          {t('contributions.withdraw')}
        </Button>,
      );
    if (coordinator && !row.matchId && props.outcome.ready(row))
      buttons.push(
        <Button
          key="outcome"
          size="small"
          onClick={() =>
            open((close) => (
              <RecordOutcomeDialog
                title={row.title}
                giver={giver(row)}
                recipient={row.recipient}
                outcome={props.outcome.text(row)}
                onRecord={(match) => props.outcome.record(row, match)}
                onRecorded={setRecorded}
                onClose={close}
              />
            ))
          }
        >
          {t('contributions.outcome.open')}
        </Button>,
      );
    return buttons.length ? (
      <Space wrap size={4}>
        {buttons}
      </Space>
    ) : null;
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Select
          aria-label={t('contributions.statusFilter')}
          style={{ minWidth: 220 }}
          value={props.status ?? ''}
          onChange={(value: string) => props.onStatus((value || undefined) as S | undefined)}
          options={[
            { value: '', label: t('contributions.allStatuses') },
            ...props.statuses.map((value) => ({ value, label: props.statusText(value) })),
          ]}
        />
        {props.pledge && (
          <Button type="primary" onClick={() => open(props.pledge!.dialog)}>
            {props.pledge.text}
          </Button>
        )}
      </Space>
      {recorded && <OutcomeRecorded match={recorded} onClose={() => setRecorded(null)} />}
      {failure !== null && <Failure error={failure} />}
      {Boolean(props.error) && <Failure error={props.error} retry={props.refetch} />}
      {!list && props.loading && <Loading />}
      {list &&
        (list.edges.length === 0 ? (
          <Nothing text={props.none} />
        ) : (
          <Table<T>
            rowKey="id"
            data-testid={props.testId}
            dataSource={list.edges.map((edge) => edge.node)}
            pagination={false}
            scroll={{ x: 960 }}
            expandable={props.expandable}
            columns={[
              props.what,
              { title: props.giverTitle, key: 'giver', render: (_, row) => labelOf(giver(row)) },
              { title: props.recipientTitle, key: 'recipient', render: (_, row) => labelOf(row.recipient) },
              ...props.columns,
              {
                title: t('contributions.status'),
                key: 'status',
                render: (_, row) => (
                  <Space direction="vertical" size={0}>
                    <Tag data-testid={props.statusTestId}>{props.statusText(row.status as S)}</Tag>
                    {props.statusNote?.(row)}
                    {row.reason && <Typography.Text type="secondary">{row.reason}</Typography.Text>}
                    {row.matchId && <Link to={`/matches/${row.matchId}`}>{t('contributions.outcome.ofMatch')}</Link>}
                  </Space>
                ),
              },
              ...(props.trailing ?? []),
              { title: t('activities.actions'), key: 'actions', render: (_, row) => actions(row) },
            ]}
          />
        ))}
      {list?.pageInfo.hasNextPage && (
        <Button loading={props.loading} onClick={() => props.more(list.pageInfo.endCursor)}>
          {t('contributions.more')}
        </Button>
      )}
      {dialog?.render(() => setDialog(null))}
    </Space>
  );
}
