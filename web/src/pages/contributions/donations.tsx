import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Form, Input, List, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../confirm-button';
import { formatDate, formatDay, formatMoney, formatNumber, labelOf } from '../../format';
import { graphql } from '../../gql';
import type { DonationsQuery, DonationStatus, MoveDonationInput } from '../../gql/graphql';
import { ReasonDialog } from '../../reason-dialog';
import { useSession } from '../../session';
import { Failure, Loading, Nothing } from '../../states';
import { FormDialog } from './form-dialog';
import { PledgeDonationDialog } from './pledge-donation';

const DONATIONS = graphql(`
  query Donations($status: DonationStatus, $first: Int!, $after: String) {
    donations(status: $status, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          status
          value
          currency
          handedOverOn
          reason
          version
          updatedAt
          items {
            name
            quantity
            unitValue
          }
          donor {
            id
            nameEn
            nameZh
          }
          recipient {
            id
            nameEn
            nameZh
          }
        }
      }
    }
  }
`);

const MOVE = graphql(`
  mutation MoveDonation($input: MoveDonationInput!) {
    moveDonation(input: $input) {
      id
      status
      version
      handedOverOn
      reason
      updatedAt
    }
  }
`);

type Donation = DonationsQuery['donations']['edges'][number]['node'];
const STATUSES: DonationStatus[] = ['PLEDGED', 'APPROVED', 'SHIPPED', 'HANDED_OVER', 'IN_OPERATION', 'REFUSED', 'WITHDRAWN'];
const PAGE = 50;
const today = () => new Date().toISOString().slice(0, 10);

/**
 * Equipment donations the reader's organisation gives or receives (all, for the secretariat), with the moves that are
 * the reader's to make: the secretariat approves or refuses, the donor ships or withdraws, the recipient records the
 * handover and that it is in operation.
 */
export function Donations() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [status, setStatus] = useState<DonationStatus | undefined>();
  const [pledging, setPledging] = useState(false);
  const [asking, setAsking] = useState<{ donation: Donation; to: 'REFUSED' | 'WITHDRAWN' | 'HANDED_OVER' } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const { data, error, loading, fetchMore, refetch } = useQuery(DONATIONS, {
    variables: { status, first: PAGE },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  // A stale version (someone moved it meanwhile) is CONFLICT: the list is read again either way.
  const [move, moving] = useMutation(MOVE, { refetchQueries: ['Donations'], awaitRefetchQueries: true });
  const send = (donation: Donation, input: Omit<MoveDonationInput, 'id' | 'version'>) =>
    move({ variables: { input: { id: donation.id, version: donation.version, ...input } } });
  const act = (work: Promise<unknown>) => {
    setFailure(null);
    work.catch(setFailure);
  };
  const coordinator = user?.role === 'COORDINATOR';
  const mine = user?.organization?.id;
  const canPledge = user?.role === 'ENTERPRISE_MEMBER';
  const list = data?.donations;

  const actions = (d: Donation) => {
    const buttons = [];
    if (coordinator && d.status === 'PLEDGED') {
      buttons.push(
        <ConfirmButton
          key="approve"
          size="small"
          primary
          loading={moving.loading}
          question={t('contributions.approveConfirm', { title: d.title })}
          onConfirm={() => act(send(d, { to: 'APPROVED' }))}
        >
          {t('contributions.approve')}
        </ConfirmButton>,
        <Button key="refuse" size="small" onClick={() => setAsking({ donation: d, to: 'REFUSED' })}>
          {t('contributions.refuse')}
        </Button>,
      );
    }
    if (d.donor.id === mine) {
      if (d.status === 'APPROVED')
        buttons.push(
          <ConfirmButton
            key="ship"
            size="small"
            primary
            loading={moving.loading}
            question={t('contributions.donations.shipConfirm')}
            onConfirm={() => act(send(d, { to: 'SHIPPED' }))}
          >
            {t('contributions.donations.ship')}
          </ConfirmButton>,
        );
      if (d.status === 'PLEDGED' || d.status === 'APPROVED')
        buttons.push(
          <Button key="withdraw" size="small" onClick={() => setAsking({ donation: d, to: 'WITHDRAWN' })}>
            {t('contributions.withdraw')}
          </Button>,
        );
    }
    if (d.recipient.id === mine) {
      if (d.status === 'SHIPPED')
        buttons.push(
          <Button key="handover" size="small" type="primary" onClick={() => setAsking({ donation: d, to: 'HANDED_OVER' })}>
            {t('contributions.donations.handedOver')}
          </Button>,
        );
      if (d.status === 'HANDED_OVER')
        buttons.push(
          <ConfirmButton
            key="operation"
            size="small"
            primary
            loading={moving.loading}
            question={t('contributions.donations.inOperationConfirm')}
            onConfirm={() => act(send(d, { to: 'IN_OPERATION' }))}
          >
            {t('contributions.donations.inOperation')}
          </ConfirmButton>,
        );
    }
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
          value={status ?? ''}
          onChange={(value: string) => setStatus((value || undefined) as DonationStatus | undefined)}
          options={[
            { value: '', label: t('contributions.allStatuses') },
            ...STATUSES.map((value) => ({ value, label: t(`contributions.donationStatus.${value}`) })),
          ]}
        />
        {canPledge && (
          <Button type="primary" onClick={() => setPledging(true)}>
            {t('contributions.pledgeDonation.open')}
          </Button>
        )}
      </Space>
      {failure !== null && <Failure error={failure} />}
      {error && <Failure error={error} retry={() => void refetch()} />}
      {!list && loading && <Loading />}
      {list &&
        (list.edges.length === 0 ? (
          <Nothing text={t('contributions.donations.none')} />
        ) : (
          <Table<Donation>
            rowKey="id"
            data-testid="donations"
            dataSource={list.edges.map((edge) => edge.node)}
            pagination={false}
            scroll={{ x: 960 }}
            expandable={{
              expandedRowRender: (d) => (
                <List
                  size="small"
                  header={<Typography.Text strong>{t('contributions.donations.items')}</Typography.Text>}
                  dataSource={d.items}
                  renderItem={(item, index) => (
                    <List.Item key={index}>
                      {t('contributions.donations.item', {
                        quantity: formatNumber(item.quantity),
                        name: item.name,
                        value: formatMoney(item.unitValue, d.currency),
                      })}
                    </List.Item>
                  )}
                />
              ),
            }}
            columns={[
              { title: t('contributions.donations.what'), dataIndex: 'title' },
              { title: t('contributions.donor'), key: 'donor', render: (_, d) => labelOf(d.donor) },
              { title: t('contributions.recipient'), key: 'recipient', render: (_, d) => labelOf(d.recipient) },
              { title: t('contributions.value'), key: 'value', align: 'right', render: (_, d) => formatMoney(d.value, d.currency) },
              {
                title: t('contributions.status'),
                key: 'status',
                render: (_, d) => (
                  <Space direction="vertical" size={0}>
                    <Tag data-testid="donation-status">{t(`contributions.donationStatus.${d.status}`)}</Tag>
                    {d.handedOverOn && (
                      <Typography.Text type="secondary">
                        {t('contributions.donations.handedOverOn', { date: formatDay(d.handedOverOn) })}
                      </Typography.Text>
                    )}
                    {d.reason && <Typography.Text type="secondary">{d.reason}</Typography.Text>}
                  </Space>
                ),
              },
              { title: t('contributions.updated'), key: 'updated', render: (_, d) => formatDate(d.updatedAt) },
              { title: t('activities.actions'), key: 'actions', render: (_, d) => actions(d) },
            ]}
          />
        ))}
      {list?.pageInfo.hasNextPage && (
        <Button
          loading={loading}
          onClick={() =>
            void fetchMore({
              variables: { after: list.pageInfo.endCursor },
              updateQuery: (previous, { fetchMoreResult }) => ({
                donations: { ...fetchMoreResult.donations, edges: [...previous.donations.edges, ...fetchMoreResult.donations.edges] },
              }),
            })
          }
        >
          {t('contributions.more')}
        </Button>
      )}
      {pledging && <PledgeDonationDialog onClose={() => setPledging(false)} />}
      {asking?.to === 'REFUSED' && (
        <ReasonDialog
          title={t('contributions.refuseTitle', { title: asking.donation.title })}
          okText={t('contributions.refuse')}
          onSubmit={(reason) => send(asking.donation, { to: 'REFUSED', reason })}
          onClose={() => setAsking(null)}
        />
      )}
      {asking?.to === 'WITHDRAWN' && (
        <ReasonDialog
          title={t('contributions.withdrawTitle', { title: asking.donation.title })}
          okText={t('contributions.withdraw')}
          required={false}
          onSubmit={(reason) => send(asking.donation, { to: 'WITHDRAWN', reason: reason || null })}
          onClose={() => setAsking(null)}
        />
      )}
      {asking?.to === 'HANDED_OVER' && (
        <HandoverDialog
          donation={asking.donation}
          onSubmit={(handedOverOn) => send(asking.donation, { to: 'HANDED_OVER', handedOverOn })}
          onClose={() => setAsking(null)}
        />
      )}
    </Space>
  );
}

/** The recipient records the day the equipment was handed over (today unless said otherwise; never in the future). */
function HandoverDialog({
  donation,
  onSubmit,
  onClose,
}: {
  donation: Donation;
  onSubmit: (day: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ handedOverOn: string }>();
  return (
    <FormDialog<{ handedOverOn: string }>
      title={t('contributions.donations.handoverTitle', { title: donation.title })}
      okText={t('contributions.donations.handedOver')}
      form={form}
      initialValues={{ handedOverOn: today() }}
      onSubmit={(values) => onSubmit(values.handedOverOn)}
      onClose={onClose}
      width={480}
    >
      <Form.Item
        name="handedOverOn"
        label={t('contributions.donations.handoverDay')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Input type="date" max={today()} />
      </Form.Item>
    </FormDialog>
  );
}
