import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Col, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { describeError } from '../../apollo';
import { graphql } from '../../gql';
import { labelOf } from '../../format';
import { currentLanguage } from '../../i18n';
import { Failure, Loading, Nothing } from '../../states';
import { CandidateCard, type Candidate } from './candidate-card';
import { RejectDialog } from './reject-dialog';
import './messages';

// 25 explained candidates cost ~3,600 of the API's 5,000 per query (each explanation's lists count 10 items).
const NEED_CANDIDATES = graphql(`
  query NeedCandidates($needId: ID!) {
    need(id: $needId) {
      id
      title
      country {
        code
        nameEn
        nameZh
      }
      organization {
        id
        nameEn
        nameZh
      }
    }
    matches(needId: $needId, status: [SUGGESTED, SHORTLISTED], orderBy: RANK, first: 25) {
      totalCount
      edges {
        node {
          id
          status
          version
          score
          rank
          origin
          interestMessage
          enterprise {
            id
            nameEn
            nameZh
          }
          explanation {
            ...MatchExplanationParts
          }
        }
      }
    }
  }
`);

// The weak-field caveat comes with a live ranking of the need (MatchCandidate), not with the suggestions' snapshots: its
// own query, so the list shows at once, stays within the query budget, and still shows should the ranking fail (the
// caveat is advice; without it the page reads as before). One candidate is enough: the caveat is the same for all.
const WEAK_FIELD = graphql(`
  query NeedWeakField($needId: ID!, $language: Language) {
    matchCandidates(needId: $needId, first: 1, language: $language) {
      explanation {
        caveat
      }
    }
  }
`);

// Every move returns what changed; the ones that take a candidate out of review refetch the list.
const SHORTLIST = graphql(`
  mutation ShortlistCandidate($input: MatchVersionInput!) {
    shortlistMatch(input: $input) {
      id
      status
      version
      statusChangedAt
    }
  }
`);
const APPROVE_ONE = graphql(`
  mutation ApproveCandidate($input: MatchVersionInput!) {
    approveMatch(input: $input) {
      id
      status
      version
      statusChangedAt
      introducedAt
    }
  }
`);
const APPROVE = graphql(`
  mutation ApproveCandidates($input: [MatchVersionInput!]!) {
    approveMatches(input: $input) {
      id
      status
      version
      statusChangedAt
      introducedAt
    }
  }
`);
const FIND = graphql(`
  mutation FindCandidates($needId: ID!) {
    suggestMatches(needId: $needId) {
      id
      status
    }
  }
`);

type Notice = { kind: 'success' | 'conflict'; text: string } | { kind: 'error'; error: unknown };

/** Coordinators: a need's waiting candidates side by side, each with why it ranks there, to shortlist, approve or reject. */
export function NeedCandidatesPage() {
  const { t } = useTranslation();
  const { needId = '' } = useParams();
  const { data, error, loading, refetch } = useQuery(NEED_CANDIDATES, { variables: { needId }, fetchPolicy: 'cache-and-network' });
  const field = useQuery(WEAK_FIELD, { variables: { needId, language: currentLanguage() } });
  const caveat = field.data?.matchCandidates[0]?.explanation.caveat;
  const refetchList = { refetchQueries: ['NeedCandidates'], awaitRefetchQueries: true };
  const [shortlist, shortlisting] = useMutation(SHORTLIST);
  const [approveOne, approvingOne] = useMutation(APPROVE_ONE, refetchList);
  const [approve, approving] = useMutation(APPROVE, refetchList);
  const [find, finding] = useMutation(FIND, refetchList);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [rejecting, setRejecting] = useState<Candidate | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  if (loading && !data) return <Loading />;
  if (error || !data) return <Failure error={error} retry={() => void refetch()} />;

  const candidates = data.matches.edges.map((edge) => edge.node);
  const chosen = candidates.filter((c) => selected.has(c.id));
  const busy = shortlisting.loading || approvingOne.loading || approving.loading || finding.loading;
  const names = (list: Candidate[]) => list.map((c) => labelOf(c.enterprise)).join(', ');
  // A stale version (someone moved a candidate meanwhile) saves nothing: say so, and show the list as it is now.
  const conflicted = () => {
    setNotice({ kind: 'conflict', text: t('coordinator.candidates.conflict') });
    void refetch();
  };
  const failed = (e: unknown) => (describeError(e).code === 'CONFLICT' ? conflicted() : setNotice({ kind: 'error', error: e }));
  const run = async (move: () => Promise<unknown>, done: string) => {
    setNotice(null);
    try {
      await move();
      setNotice({ kind: 'success', text: done });
    } catch (e) {
      failed(e);
    }
  };
  const approved = (list: Candidate[]) => t('coordinator.candidates.approved', { count: list.length, names: names(list) });
  // All of them or none: one stale version fails the lot with CONFLICT.
  const approveAll = (list: Candidate[]) =>
    run(async () => {
      await approve({ variables: { input: list.map(({ id, version }) => ({ id, version })) } });
      setSelected(new Set());
    }, approved(list));
  const toggle = (id: string, on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap>
        <Link to="/review">← {t('coordinator.candidates.back')}</Link>
        <Link to={`/needs/${data.need.id}`}>{t('coordinator.candidates.openNeed')}</Link>
      </Space>
      <div>
        <Typography.Title level={2}>{data.need.title}</Typography.Title>
        <Typography.Text type="secondary">
          {labelOf(data.need.country)} · {labelOf(data.need.organization)}
        </Typography.Text>
      </div>
      {notice?.kind === 'error' && <Failure error={notice.error} />}
      {notice && notice.kind !== 'error' && (
        <Alert
          type={notice.kind === 'success' ? 'success' : 'warning'}
          role={notice.kind === 'success' ? 'status' : 'alert'}
          showIcon
          title={notice.text}
          data-testid="review-notice"
        />
      )}
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text data-testid="candidates-waiting">
          {t('coordinator.candidates.waiting', { count: data.matches.totalCount })}
        </Typography.Text>
        <Space wrap>
          <Button disabled={busy} onClick={() => void run(() => find({ variables: { needId } }), t('coordinator.candidates.findDone'))}>
            {t('coordinator.candidates.find')}
          </Button>
          <Button type="primary" disabled={busy || chosen.length === 0} onClick={() => void approveAll(chosen)}>
            {t('coordinator.candidates.approveSelected', { count: chosen.length })}
          </Button>
        </Space>
      </Space>
      {caveat && <Alert type="warning" role="status" showIcon title={caveat} data-testid="weak-field" />}
      {candidates.length === 0 ? (
        <Nothing text={t('coordinator.candidates.empty')} />
      ) : (
        <Row gutter={[16, 16]}>
          {candidates.map((candidate) => (
            <Col key={candidate.id} xs={24} md={12} xl={8}>
              <CandidateCard
                candidate={candidate}
                selected={selected.has(candidate.id)}
                busy={busy}
                onSelect={(on) => toggle(candidate.id, on)}
                onShortlist={() =>
                  void run(
                    () => shortlist({ variables: { input: { id: candidate.id, version: candidate.version } } }),
                    t('coordinator.candidates.shortlisted', { name: labelOf(candidate.enterprise) }),
                  )
                }
                onApprove={() =>
                  void run(
                    () => approveOne({ variables: { input: { id: candidate.id, version: candidate.version } } }),
                    approved([candidate]),
                  )
                }
                onReject={() => setRejecting(candidate)}
              />
            </Col>
          ))}
        </Row>
      )}
      {rejecting && (
        <RejectDialog
          candidate={rejecting}
          onCancel={() => setRejecting(null)}
          onDone={(outcome) => {
            setRejecting(null);
            if (outcome === 'conflict') conflicted();
            else {
              setNotice({ kind: 'success', text: t('coordinator.candidates.rejected', { name: labelOf(rejecting.enterprise) }) });
              void refetch();
            }
          }}
        />
      )}
    </Space>
  );
}
