import { useMutation } from '@apollo/client/react';
import { Button, Card, Form, Input, Modal, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import { showFieldError } from '../../forms';
import { useSession } from '../../session';
import { Failure } from '../../states';
import type { MatchView } from './match';
import './messages';

// Every move returns what it changes (status, version, answers) and the page is read again for its timeline.
const RESPOND = graphql(`
  mutation RespondToMatch($input: RespondToMatchInput!) {
    respondToMatch(input: $input) {
      id
      status
      version
      reason
      agencyResponse
      enterpriseResponse
      statusChangedAt
    }
  }
`);
const APPROVE = graphql(`
  mutation ApproveMatch($input: MatchVersionInput!) {
    approveMatch(input: $input) {
      id
      status
      version
      introducedAt
      statusChangedAt
    }
  }
`);
const SHORTLIST = graphql(`
  mutation ShortlistMatch($input: MatchVersionInput!) {
    shortlistMatch(input: $input) {
      id
      status
      version
      statusChangedAt
    }
  }
`);
const REJECT = graphql(`
  mutation RejectMatch($input: MatchReasonInput!) {
    rejectMatch(input: $input) {
      id
      status
      version
      reason
      statusChangedAt
    }
  }
`);
const WITHDRAW = graphql(`
  mutation WithdrawMatch($input: MatchReasonInput!) {
    withdrawMatch(input: $input) {
      id
      status
      version
      reason
      statusChangedAt
    }
  }
`);

const AWAITING_REVIEW = ['SUGGESTED', 'SHORTLISTED'];
/** Statuses a coordinator can still withdraw a match from (src/matches/match-status.ts). */
const WITHDRAWABLE = ['SUGGESTED', 'SHORTLISTED', 'APPROVED', 'INTRODUCED', 'ENGAGED'];

/** A button that asks why, in a dialog, before the move (reject, decline, withdraw); the server's refusal shows there. */
function ReasonButton({ label, onReason }: { label: string; onReason: (reason: string) => Promise<unknown> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    setFailure(null);
    try {
      await onReason(values.reason.trim());
      setOpen(false);
    } catch (caught) {
      if (!showFieldError(form, caught)) setFailure(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button onClick={() => setOpen(true)}>{label}</Button>
      <Modal
        open={open}
        title={label}
        okText={t('match.submit')}
        cancelText={t('match.cancel')}
        okButtonProps={{ loading: busy }}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        {failure !== null && <Failure error={failure} />}
        <Form form={form} layout="vertical" initialValues={{ reason: '' }}>
          <Form.Item
            label={t('match.reasonPrompt')}
            name="reason"
            rules={[{ required: true, whitespace: true, message: t('match.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** A move confirmed in a pop-up first (accept, approve), or at once (shortlist). */
function MoveButton({ label, confirm, primary, onMove }: { label: string; confirm?: string; primary?: boolean; onMove: () => void }) {
  const { t } = useTranslation();
  const button = (
    <Button type={primary ? 'primary' : 'default'} onClick={confirm ? undefined : onMove}>
      {label}
    </Button>
  );
  if (!confirm) return button;
  return (
    <Popconfirm title={confirm} okText={t('match.yes')} cancelText={t('match.no')} onConfirm={onMove}>
      {button}
    </Popconfirm>
  );
}

/** What the signed-in person may do with the match now, by role and side; nothing at all when there is nothing to do. */
export function MatchActions({ match }: { match: MatchView }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [failure, setFailure] = useState<unknown>(null);
  const options = { refetchQueries: ['MatchPage'], awaitRefetchQueries: true };
  const [respond] = useMutation(RESPOND, options);
  const [approve] = useMutation(APPROVE, options);
  const [shortlist] = useMutation(SHORTLIST, options);
  const [reject] = useMutation(REJECT, options);
  const [withdraw] = useMutation(WITHDRAW, options);
  if (!user) return null;
  const version = { id: match.id, version: match.version };
  const attempt = (move: Promise<unknown>) => {
    setFailure(null);
    move.catch(setFailure);
  };

  const staff = user.role === 'COORDINATOR' || user.role === 'ADMIN';
  const organizationId = user.organization?.id;
  const side =
    user.role === 'AGENCY_MEMBER' && organizationId === match.agency.id
      ? match.agencyResponse
      : user.role === 'ENTERPRISE_MEMBER' && organizationId === match.enterprise.id
        ? match.enterpriseResponse
        : null;
  const answering = match.status === 'INTRODUCED' && side === 'PENDING';
  // An enterprise takes back its own expressed interest, before the introduction only.
  const ownInterest =
    user.role === 'ENTERPRISE_MEMBER' &&
    organizationId === match.enterprise.id &&
    match.origin === 'INTEREST' &&
    AWAITING_REVIEW.includes(match.status);
  const reviewing = staff && AWAITING_REVIEW.includes(match.status);
  const withdrawing = ownInterest || (staff && WITHDRAWABLE.includes(match.status));
  if (!answering && !reviewing && !withdrawing) return null;

  const withdrawButton = withdrawing && (
    <ReasonButton label={t('match.withdraw')} onReason={(reason) => withdraw({ variables: { input: { ...version, reason } } })} />
  );
  return (
    <Card
      title={
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('match.actions')}
        </Typography.Title>
      }
      data-testid="match-actions"
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {failure !== null && <Failure error={failure} />}
        {answering && <Typography.Text>{t('match.yourAnswer')}</Typography.Text>}
        <Space wrap>
          {answering && (
            <>
              <MoveButton
                primary
                label={t('match.accept')}
                confirm={t('match.acceptConfirm')}
                onMove={() => attempt(respond({ variables: { input: { ...version, accept: true } } }))}
              />
              <ReasonButton
                label={t('match.decline')}
                onReason={(reason) => respond({ variables: { input: { ...version, accept: false, reason } } })}
              />
            </>
          )}
          {reviewing && (
            <>
              <MoveButton
                primary
                label={t('match.approve')}
                confirm={t('match.approveConfirm')}
                onMove={() => attempt(approve({ variables: { input: version } }))}
              />
              {match.status === 'SUGGESTED' && (
                <MoveButton label={t('match.shortlist')} onMove={() => attempt(shortlist({ variables: { input: version } }))} />
              )}
              <ReasonButton label={t('match.reject')} onReason={(reason) => reject({ variables: { input: { ...version, reason } } })} />
            </>
          )}
          {withdrawButton}
        </Space>
      </Space>
    </Card>
  );
}
