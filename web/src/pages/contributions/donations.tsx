import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Form, Input, List, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../confirm-button';
import { formatDate, formatDay, formatMoney, formatNumber } from '../../format';
import { graphql, useFragment as unmask } from '../../gql';
import type { DonationPartsFragment, DonationStatus, MoveDonationInput } from '../../gql/graphql';
import { useSession } from '../../session';
import { ContributionList, openedRow, pagedList, useOpened, type OpenDialog } from './contribution-list';
import { FormDialog } from './form-dialog';
import { PledgeDonationDialog } from './pledge-donation';

const DONATION_PARTS = graphql(`
  fragment DonationParts on Donation {
    id
    title
    status
    value
    currency
    handedOverOn
    reason
    version
    updatedAt
    matchId
    need {
      id
      title
    }
    programme {
      id
      nameEn
      nameZh
    }
    match {
      id
    }
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
`);

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
          ...DonationParts
        }
      }
    }
  }
`);

/** The one donation a link opens (a notification's): `/contributions?donation=<id>`. */
const DONATION = graphql(`
  query Donation($id: ID!) {
    donation(id: $id) {
      ...DonationParts
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

const RECORD_OUTCOME = graphql(`
  mutation RecordDonationAsOutcome($input: RecordContributionOutcomeInput!) {
    recordDonationAsOutcome(input: $input) {
      id
      matchId
      version
      updatedAt
    }
  }
`);

type Donation = DonationPartsFragment;
const STATUSES: DonationStatus[] = ['PLEDGED', 'APPROVED', 'SHIPPED', 'HANDED_OVER', 'IN_OPERATION', 'REFUSED', 'WITHDRAWN'];
const PAGE = 50;
const today = () => new Date().toISOString().slice(0, 10);

/**
 * Equipment donations the reader's organisation gives or receives (all, for the secretariat), with the moves that are
 * the reader's to make: the secretariat approves or refuses, the donor (or the secretariat for it) ships, the donor
 * alone withdraws, the recipient (or the secretariat for it) records the handover and that it is in operation; the secretariat records a handover as the
 * outcome of the match it served, and pledges for a donor enterprise.
 */
export function Donations() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [status, setStatus] = useState<DonationStatus | undefined>();
  const query = useQuery(DONATIONS, {
    variables: { status, first: PAGE },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const opened = useOpened('donation');
  const one = useQuery(DONATION, { variables: { id: opened.id ?? '' }, skip: !opened.id, fetchPolicy: 'cache-and-network' });
  // A stale version (someone moved it meanwhile) is CONFLICT: the list is read again either way.
  // The one a link opened follows through the cache (a move returns its new state); asked again by name, the skipped
  // query would run with no id.
  const [move, moving] = useMutation(MOVE, { refetchQueries: ['Donations'], awaitRefetchQueries: true });
  const [recordOutcome] = useMutation(RECORD_OUTCOME, { refetchQueries: ['Donations'], awaitRefetchQueries: true });
  const send = (donation: Donation, input: Omit<MoveDonationInput, 'id' | 'version'>) =>
    move({ variables: { input: { id: donation.id, version: donation.version, ...input } } });
  const coordinator = user?.role === 'COORDINATOR';
  const mine = user?.organization?.id;
  // Enterprises pledge their own equipment; the secretariat pledges naming the donor.
  const canPledge = user?.role === 'ENTERPRISE_MEMBER' || coordinator;

  // The donor's shipment and the recipient's moves, which the secretariat may record for them.
  const moves = (d: Donation, open: OpenDialog, act: (work: Promise<unknown>) => void) => {
    const buttons = [];
    if ((d.donor.id === mine || coordinator) && d.status === 'APPROVED')
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
    if (d.recipient.id === mine || coordinator) {
      if (d.status === 'SHIPPED')
        buttons.push(
          <Button
            key="handover"
            size="small"
            type="primary"
            onClick={() =>
              open((close) => (
                <HandoverDialog donation={d} onSubmit={(handedOverOn) => send(d, { to: 'HANDED_OVER', handedOverOn })} onClose={close} />
              ))
            }
          >
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
    return buttons;
  };

  return (
    <ContributionList<Donation, DonationStatus>
      statuses={STATUSES}
      statusText={(value) => t(`contributions.donationStatus.${value}`)}
      status={status}
      onStatus={setStatus}
      pledge={
        canPledge ? { text: t('contributions.pledgeDonation.open'), dialog: (close) => <PledgeDonationDialog onClose={close} /> } : null
      }
      {...pagedList('donations', query, (node) => unmask(DONATION_PARTS, node))}
      opened={openedRow(opened, one, (data) => unmask(DONATION_PARTS, data.donation))}
      none={t('contributions.donations.none')}
      testId="donations"
      statusTestId="donation-status"
      giverTitle={t('contributions.donor')}
      giver={(d) => d.donor}
      recipientTitle={t('contributions.recipient')}
      what={{ title: t('contributions.donations.what'), dataIndex: 'title' }}
      columns={[{ title: t('contributions.value'), key: 'value', align: 'right', render: (_, d) => formatMoney(d.value, d.currency) }]}
      statusNote={(d) =>
        d.handedOverOn && (
          <Typography.Text type="secondary">
            {t('contributions.donations.handedOverOn', { date: formatDay(d.handedOverOn) })}
          </Typography.Text>
        )
      }
      trailing={[{ title: t('contributions.updated'), key: 'updated', render: (_, d) => formatDate(d.updatedAt) }]}
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
      send={send}
      moving={moving.loading}
      moves={moves}
      outcome={{
        ready: (d) => Boolean(d.handedOverOn) && (d.status === 'HANDED_OVER' || d.status === 'IN_OPERATION'),
        text: (d) =>
          t('contributions.outcome.handover', {
            date: formatDay(d.handedOverOn ?? ''),
            value: d.value === null || d.value === undefined ? '—' : formatMoney(d.value, d.currency),
          }),
        record: (d, match) => recordOutcome({ variables: { input: { id: d.id, matchId: match.id, matchVersion: match.version } } }),
      }}
    />
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
