import { Button, Select, Space, Table, Tag, Typography, type TableColumnsType, type TableProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
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
  /** What it answers, as far as the reader may see: the recipient's need, the programme; the match it was recorded for. */
  need?: { id: string; title: string } | null;
  programme?: Party | null;
  match?: { id: string } | null;
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
 * A list query's result as the list takes it (`{...pagedList('donations', query, read)}`): the connection with each
 * node read out of the fragment it was asked with, its state, and "more" appending the next page to the ones read.
 */
export function pagedList<K extends string, C extends Connection<unknown>, T>(
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
  read: (node: C['edges'][number]['node']) => T,
) {
  const connection = query.data?.[field];
  return {
    connection: connection && { ...connection, edges: connection.edges.map((edge) => ({ node: read(edge.node) })) },
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

/**
 * The one contribution a link opens (a notification's: `/contributions?donation=<id>`, `?tab=training&course=<id>`):
 * its id in the URL under `param`, and closing it (back to the whole list).
 */
export function useOpened(param: string): { id: string | null; close: () => void } {
  const [params, setParams] = useSearchParams();
  return {
    id: params.get(param),
    close: () => {
      const next = new URLSearchParams(params);
      next.delete(param);
      setParams(next, { replace: true });
    },
  };
}

/** The contribution opened by a link, read alone: shown by itself, expanded, until the reader asks for the whole list. */
export interface Opened<T> {
  id: string | null;
  row: T | undefined;
  error: unknown;
  refetch: () => void;
  close: () => void;
}

/** What the list takes of the opened one: its query's result, read out of the fragment it was asked with. */
export function openedRow<D, T>(
  opened: { id: string | null; close: () => void },
  query: { data?: D; error?: unknown; refetch: () => Promise<unknown> },
  read: (data: D) => T,
): Opened<T> {
  return { ...opened, row: query.data && read(query.data), error: query.error, refetch: () => void query.refetch() };
}

export interface ContributionListProps<T extends ContributionRow, S extends string> {
  statuses: S[];
  statusText: (status: S) => string;
  status: S | undefined;
  onStatus: (status: S | undefined) => void;
  /** The pledge button's text and its dialog; null when the reader may not pledge. */
  pledge: { text: string; dialog: (close: () => void) => ReactNode } | null;
  connection: Connection<T> | undefined;
  /** The one a link opened, shown instead of the list. */
  opened: Opened<T>;
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
  const { opened, send, giver } = props;
  // A contribution a link opened is shown alone; "show all" goes back to the list.
  const alone = opened.id !== null;
  const list: Connection<T> | undefined = alone
    ? opened.row && { edges: [{ node: opened.row }], pageInfo: { hasNextPage: false } }
    : props.connection;
  const error = alone ? opened.error : props.error;
  const loading = alone ? !opened.row && !opened.error : props.loading;
  const refetch = alone ? opened.refetch : props.refetch;
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
      );
    // Refused before it is given: a pledge, or an approval whose giver stopped answering (only the giver withdraws).
    if (coordinator && (row.status === 'PLEDGED' || row.status === 'APPROVED'))
      buttons.push(
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
                need={row.need}
                matchId={row.match?.id}
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
        {alone ? (
          <Space wrap>
            <Typography.Text type="secondary">{t('contributions.opened.note')}</Typography.Text>
            <Button onClick={opened.close}>{t('contributions.opened.all')}</Button>
          </Space>
        ) : (
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
        )}
        {props.pledge && (
          <Button type="primary" onClick={() => open(props.pledge!.dialog)}>
            {props.pledge.text}
          </Button>
        )}
      </Space>
      {recorded && <OutcomeRecorded match={recorded} onClose={() => setRecorded(null)} />}
      {failure !== null && <Failure error={failure} />}
      {Boolean(error) && <Failure error={error} retry={refetch} />}
      {!list && loading && <Loading />}
      {list &&
        (list.edges.length === 0 ? (
          <Nothing text={props.none} />
        ) : (
          <Table<T>
            rowKey="id"
            data-testid={props.testId}
            dataSource={list.edges.map((edge) => edge.node)}
            pagination={false}
            scroll={{ x: 1120 }}
            expandable={props.expandable && { ...props.expandable, defaultExpandedRowKeys: opened.id ? [opened.id] : undefined }}
            columns={[
              props.what,
              { title: props.giverTitle, key: 'giver', render: (_, row) => labelOf(giver(row)) },
              { title: props.recipientTitle, key: 'recipient', render: (_, row) => labelOf(row.recipient) },
              { title: t('contributions.answers'), key: 'answers', render: (_, row) => <Answers row={row} /> },
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
        <Button loading={loading} onClick={() => props.more(list.pageInfo.endCursor)}>
          {t('contributions.more')}
        </Button>
      )}
      {dialog?.render(() => setDialog(null))}
    </Space>
  );
}

/** What a contribution answers: the recipient's need it was pledged against, and the programme it belongs to. */
function Answers({ row }: { row: ContributionRow }) {
  const { t } = useTranslation();
  if (!row.need && !row.programme) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space direction="vertical" size={0} data-testid="answers">
      {row.need && <Link to={`/needs/${row.need.id}`}>{row.need.title}</Link>}
      {row.programme && (
        <Typography.Text type="secondary">
          {t('contributions.inProgramme')} <Link to={`/programmes/${row.programme.id}`}>{labelOf(row.programme)}</Link>
        </Typography.Text>
      )}
    </Space>
  );
}
