import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Col, Form, InputNumber, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../confirm-button';
import { formatDay, formatNumber, labelOf } from '../../format';
import { graphql } from '../../gql';
import type { MoveTrainingInput, TrainingCoursesQuery, TrainingStatus } from '../../gql/graphql';
import { ReasonDialog } from '../../reason-dialog';
import { useSession } from '../../session';
import { Failure, Loading, Nothing } from '../../states';
import { FormDialog } from './form-dialog';
import { PledgeTrainingDialog } from './pledge-training';

const TRAINING = graphql(`
  query TrainingCourses($status: TrainingStatus, $first: Int!, $after: String) {
    trainingCourses(status: $status, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          description
          status
          startsOn
          endsOn
          hours
          trainees
          certificatesIssued
          reason
          version
          trainer {
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
  mutation MoveTraining($input: MoveTrainingInput!) {
    moveTraining(input: $input) {
      id
      status
      version
      hours
      trainees
      certificatesIssued
      reason
      updatedAt
    }
  }
`);

type Course = TrainingCoursesQuery['trainingCourses']['edges'][number]['node'];
const STATUSES: TrainingStatus[] = ['PLEDGED', 'APPROVED', 'COMPLETED', 'REFUSED', 'WITHDRAWN'];
const PAGE = 50;

/**
 * Training courses the reader's organisation gives or receives (all, for the secretariat), with the moves that are the
 * reader's: the secretariat approves or refuses, the trainer records the course given (trainees, hours, certificates)
 * or withdraws it.
 */
export function Training() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [status, setStatus] = useState<TrainingStatus | undefined>();
  const [pledging, setPledging] = useState(false);
  const [asking, setAsking] = useState<{ course: Course; to: 'REFUSED' | 'WITHDRAWN' | 'COMPLETED' } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const { data, error, loading, fetchMore, refetch } = useQuery(TRAINING, {
    variables: { status, first: PAGE },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const [move, moving] = useMutation(MOVE, { refetchQueries: ['TrainingCourses'], awaitRefetchQueries: true });
  const send = (course: Course, input: Omit<MoveTrainingInput, 'id' | 'version'>) =>
    move({ variables: { input: { id: course.id, version: course.version, ...input } } });
  const act = (work: Promise<unknown>) => {
    setFailure(null);
    work.catch(setFailure);
  };
  const coordinator = user?.role === 'COORDINATOR';
  const mine = user?.organization?.id;
  // Enterprises and joint centres train; a partner agency's members are trained.
  const canPledge = user?.role === 'ENTERPRISE_MEMBER' || (user?.role === 'AGENCY_MEMBER' && user.organization?.kind === 'RESEARCH_CENTRE');
  const list = data?.trainingCourses;

  const actions = (c: Course) => {
    const buttons = [];
    if (coordinator && c.status === 'PLEDGED')
      buttons.push(
        <ConfirmButton
          key="approve"
          size="small"
          primary
          loading={moving.loading}
          question={t('contributions.approveConfirm', { title: c.title })}
          onConfirm={() => act(send(c, { to: 'APPROVED' }))}
        >
          {t('contributions.approve')}
        </ConfirmButton>,
        <Button key="refuse" size="small" onClick={() => setAsking({ course: c, to: 'REFUSED' })}>
          {t('contributions.refuse')}
        </Button>,
      );
    if (c.trainer.id === mine) {
      if (c.status === 'APPROVED')
        buttons.push(
          <Button key="complete" size="small" type="primary" onClick={() => setAsking({ course: c, to: 'COMPLETED' })}>
            {t('contributions.training.complete')}
          </Button>,
        );
      if (c.status === 'PLEDGED' || c.status === 'APPROVED')
        buttons.push(
          <Button key="withdraw" size="small" onClick={() => setAsking({ course: c, to: 'WITHDRAWN' })}>
            {t('contributions.withdraw')}
          </Button>,
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
          onChange={(value: string) => setStatus((value || undefined) as TrainingStatus | undefined)}
          options={[
            { value: '', label: t('contributions.allStatuses') },
            ...STATUSES.map((value) => ({ value, label: t(`contributions.trainingStatus.${value}`) })),
          ]}
        />
        {canPledge && (
          <Button type="primary" onClick={() => setPledging(true)}>
            {t('contributions.pledgeTraining.open')}
          </Button>
        )}
      </Space>
      {failure !== null && <Failure error={failure} />}
      {error && <Failure error={error} retry={() => void refetch()} />}
      {!list && loading && <Loading />}
      {list &&
        (list.edges.length === 0 ? (
          <Nothing text={t('contributions.training.none')} />
        ) : (
          <Table<Course>
            rowKey="id"
            data-testid="training-courses"
            dataSource={list.edges.map((edge) => edge.node)}
            pagination={false}
            scroll={{ x: 960 }}
            expandable={{
              rowExpandable: (c) => Boolean(c.description),
              expandedRowRender: (c) => (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.description}</Typography.Paragraph>
              ),
            }}
            columns={[
              { title: t('contributions.training.course'), dataIndex: 'title' },
              { title: t('contributions.trainer'), key: 'trainer', render: (_, c) => labelOf(c.trainer) },
              { title: t('contributions.trainees'), key: 'recipient', render: (_, c) => labelOf(c.recipient) },
              {
                title: t('contributions.training.dates'),
                key: 'dates',
                render: (_, c) => (c.endsOn ? `${formatDay(c.startsOn)} – ${formatDay(c.endsOn)}` : formatDay(c.startsOn)),
              },
              {
                title: t('contributions.training.size'),
                key: 'size',
                render: (_, c) =>
                  t(c.status === 'COMPLETED' ? 'contributions.training.given' : 'contributions.training.planned', {
                    trainees: formatNumber(c.trainees),
                    hours: formatNumber(c.hours),
                    certificates: formatNumber(c.certificatesIssued),
                  }),
              },
              {
                title: t('contributions.status'),
                key: 'status',
                render: (_, c) => (
                  <Space direction="vertical" size={0}>
                    <Tag data-testid="training-status">{t(`contributions.trainingStatus.${c.status}`)}</Tag>
                    {c.reason && <Typography.Text type="secondary">{c.reason}</Typography.Text>}
                  </Space>
                ),
              },
              { title: t('activities.actions'), key: 'actions', render: (_, c) => actions(c) },
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
                trainingCourses: {
                  ...fetchMoreResult.trainingCourses,
                  edges: [...previous.trainingCourses.edges, ...fetchMoreResult.trainingCourses.edges],
                },
              }),
            })
          }
        >
          {t('contributions.more')}
        </Button>
      )}
      {pledging && <PledgeTrainingDialog onClose={() => setPledging(false)} />}
      {asking?.to === 'REFUSED' && (
        <ReasonDialog
          title={t('contributions.refuseTitle', { title: asking.course.title })}
          okText={t('contributions.refuse')}
          onSubmit={(reason) => send(asking.course, { to: 'REFUSED', reason })}
          onClose={() => setAsking(null)}
        />
      )}
      {asking?.to === 'WITHDRAWN' && (
        <ReasonDialog
          title={t('contributions.withdrawTitle', { title: asking.course.title })}
          okText={t('contributions.withdraw')}
          required={false}
          onSubmit={(reason) => send(asking.course, { to: 'WITHDRAWN', reason: reason || null })}
          onClose={() => setAsking(null)}
        />
      )}
      {asking?.to === 'COMPLETED' && (
        <CompletionDialog
          course={asking.course}
          onSubmit={(given) => send(asking.course, { to: 'COMPLETED', ...given })}
          onClose={() => setAsking(null)}
        />
      )}
    </Space>
  );
}

interface Given {
  trainees: number;
  hours: number;
  certificatesIssued: number;
}

/** The trainer records the course as given: trainees and hours (as planned unless changed), certificates issued. */
function CompletionDialog({
  course,
  onSubmit,
  onClose,
}: {
  course: Course;
  onSubmit: (given: Given) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Given>();
  const required = [{ required: true, message: t('common.required') }];
  return (
    <FormDialog<Given>
      title={t('contributions.training.completeTitle', { title: course.title })}
      okText={t('contributions.training.complete')}
      form={form}
      initialValues={{ trainees: course.trainees, hours: course.hours, certificatesIssued: 0 }}
      onSubmit={onSubmit}
      onClose={onClose}
      width={560}
    >
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="trainees" label={t('contributions.training.traineesTrained')} rules={required}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="hours" label={t('contributions.training.hoursGiven')} rules={required}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="certificatesIssued" label={t('contributions.training.certificates')}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </FormDialog>
  );
}
