import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Col, Form, InputNumber, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay, formatNumber } from '../../format';
import { graphql, useFragment as unmask } from '../../gql';
import type { MoveTrainingInput, TrainingCoursePartsFragment, TrainingStatus } from '../../gql/graphql';
import { useSession } from '../../session';
import { ContributionList, openedRow, pagedList, useOpened, type OpenDialog } from './contribution-list';
import { FormDialog } from './form-dialog';
import { PledgeTrainingDialog } from './pledge-training';

const COURSE_PARTS = graphql(`
  fragment TrainingCourseParts on TrainingCourse {
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
    trainer {
      id
      nameEn
      nameZh
      kind
    }
    recipient {
      id
      nameEn
      nameZh
    }
  }
`);

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
          ...TrainingCourseParts
        }
      }
    }
  }
`);

/** The one course a link opens (a notification's): `/contributions?tab=training&course=<id>`. */
const COURSE = graphql(`
  query TrainingCourse($id: ID!) {
    trainingCourse(id: $id) {
      ...TrainingCourseParts
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

const RECORD_OUTCOME = graphql(`
  mutation RecordTrainingAsOutcome($input: RecordContributionOutcomeInput!) {
    recordTrainingAsOutcome(input: $input) {
      id
      matchId
      version
      updatedAt
    }
  }
`);

type Course = TrainingCoursePartsFragment;
const STATUSES: TrainingStatus[] = ['PLEDGED', 'APPROVED', 'COMPLETED', 'REFUSED', 'WITHDRAWN'];
const PAGE = 50;

/**
 * Training courses the reader's organisation gives or receives (all, for the secretariat), with the moves that are the
 * reader's: the secretariat approves or refuses, the trainer (or the secretariat for it) records the course given
 * (trainees, hours, certificates), the trainer withdraws it; the secretariat records a course given as the outcome of
 * the match it served, and pledges naming the trainer.
 */
export function Training() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [status, setStatus] = useState<TrainingStatus | undefined>();
  const query = useQuery(TRAINING, {
    variables: { status, first: PAGE },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const opened = useOpened('course');
  const one = useQuery(COURSE, { variables: { id: opened.id ?? '' }, skip: !opened.id, fetchPolicy: 'cache-and-network' });
  // The one a link opened follows through the cache (a move returns its new state); asked again by name, the skipped
  // query would run with no id.
  const [move, moving] = useMutation(MOVE, { refetchQueries: ['TrainingCourses'], awaitRefetchQueries: true });
  const [recordOutcome] = useMutation(RECORD_OUTCOME, { refetchQueries: ['TrainingCourses'], awaitRefetchQueries: true });
  const send = (course: Course, input: Omit<MoveTrainingInput, 'id' | 'version'>) =>
    move({ variables: { input: { id: course.id, version: course.version, ...input } } });
  const coordinator = user?.role === 'COORDINATOR';
  const mine = user?.organization?.id;
  // Enterprises and joint centres train; a partner agency's members are trained; the secretariat names the trainer.
  const canPledge =
    coordinator || user?.role === 'ENTERPRISE_MEMBER' || (user?.role === 'AGENCY_MEMBER' && user.organization?.kind === 'RESEARCH_CENTRE');

  const moves = (c: Course, open: OpenDialog) =>
    (c.trainer.id === mine || coordinator) && c.status === 'APPROVED'
      ? [
          <Button
            key="complete"
            size="small"
            type="primary"
            onClick={() =>
              open((close) => <CompletionDialog course={c} onSubmit={(given) => send(c, { to: 'COMPLETED', ...given })} onClose={close} />)
            }
          >
            {t('contributions.training.complete')}
          </Button>,
        ]
      : [];

  return (
    <ContributionList<Course, TrainingStatus>
      statuses={STATUSES}
      statusText={(value) => t(`contributions.trainingStatus.${value}`)}
      status={status}
      onStatus={setStatus}
      pledge={
        canPledge ? { text: t('contributions.pledgeTraining.open'), dialog: (close) => <PledgeTrainingDialog onClose={close} /> } : null
      }
      {...pagedList('trainingCourses', query, (node) => unmask(COURSE_PARTS, node))}
      opened={openedRow(opened, one, (data) => unmask(COURSE_PARTS, data.trainingCourse))}
      none={t('contributions.training.none')}
      testId="training-courses"
      statusTestId="training-status"
      giverTitle={t('contributions.trainer')}
      giver={(c) => c.trainer}
      recipientTitle={t('contributions.trainees')}
      what={{ title: t('contributions.training.course'), dataIndex: 'title' }}
      columns={[
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
      ]}
      expandable={{
        rowExpandable: (c) => Boolean(c.description),
        expandedRowRender: (c) => (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.description}</Typography.Paragraph>
        ),
      }}
      send={send}
      moving={moving.loading}
      moves={moves}
      outcome={{
        // A match is an enterprise's: a course a joint centre gave serves none.
        ready: (c) => c.status === 'COMPLETED' && c.trainer.kind === 'ENTERPRISE',
        text: (c) => t('contributions.outcome.training', { date: formatDay(c.endsOn ?? c.startsOn) }),
        record: (c, match) => recordOutcome({ variables: { input: { id: c.id, matchId: match.id, matchVersion: match.version } } }),
      }}
    />
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
