import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Col, Descriptions, Form, Input, InputNumber, Row, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../format';
import { graphql } from '../../../gql';
import type { ScheduleMeetingsMutation } from '../../../gql/graphql';
import { Failure, Loading, Nothing } from '../../../states';
import { formatSlot, isoToVenueTime, venueTimeToIso } from '../../../time-zones';
import type { ActivityDetails } from '../activity';
import { ACTIVITY_MEETINGS, readRequests, type MeetingRequest } from './activity-meetings';
import { MeetingStatusTag, participantLabel, unplacedText } from './participant';

const SET_PLAN = graphql(`
  mutation SetMeetingPlan($input: SetMeetingPlanInput!) {
    setMeetingPlan(input: $input) {
      tables
      slots {
        id
        startsAt
        endsAt
      }
    }
  }
`);

const SCHEDULE = graphql(`
  mutation ScheduleMeetings($activityId: ID!) {
    scheduleMeetings(activityId: $activityId) {
      placed
      unplaced
      kept
      upperBound
      cancelled
    }
  }
`);

type Request = MeetingRequest;
interface PlanValues {
  tables: number | null;
  slots: Array<{ startsAt: string; endsAt: string }>;
}
const HALF_HOUR = 30 * 60_000;

/**
 * Coordinators, on an activity's Meetings tab: the meeting plan (slots on the venue's clock, tables in each), the
 * scheduling run (placed, unplaced, the bound no schedule can beat), and every request with why it was left out.
 */
export function CoordinatorMeetings({ activity }: { activity: ActivityDetails }) {
  const { t } = useTranslation();
  const zone = activity.timeZone;
  const { data, error, refetch } = useQuery(ACTIVITY_MEETINGS, {
    variables: { activityId: activity.id },
    fetchPolicy: 'cache-and-network',
  });
  const [form] = Form.useForm<PlanValues>();
  const [setPlan, saving] = useMutation(SET_PLAN, { refetchQueries: ['ActivityMeetingRequests'], awaitRefetchQueries: true });
  const [schedule, scheduling] = useMutation(SCHEDULE, { refetchQueries: ['ActivityMeetingRequests'], awaitRefetchQueries: true });
  const [planFailure, setPlanFailure] = useState<unknown>(null);
  const [planSaved, setPlanSaved] = useState(false);
  const [result, setResult] = useState<ScheduleMeetingsMutation['scheduleMeetings'] | null>(null);
  const [scheduleFailure, setScheduleFailure] = useState<unknown>(null);
  const changeable = activity.status === 'OPEN' || activity.status === 'CLOSED';
  const plan = data?.meetingPlan;

  useEffect(() => {
    if (plan)
      form.setFieldsValue({
        tables: plan.tables,
        slots: plan.slots.map((slot) => ({ startsAt: isoToVenueTime(slot.startsAt, zone), endsAt: isoToVenueTime(slot.endsAt, zone) })),
      });
  }, [form, plan, zone]);

  /** The next slot: right after the last one, as long; the first starts with the activity, for half an hour. */
  const nextSlot = () => {
    const slots = (form.getFieldValue('slots') as PlanValues['slots'] | undefined) ?? [];
    const last = slots[slots.length - 1];
    if (!last?.startsAt || !last.endsAt)
      return {
        startsAt: isoToVenueTime(activity.startsAt, zone),
        endsAt: isoToVenueTime(new Date(Date.parse(activity.startsAt) + HALF_HOUR).toISOString(), zone),
      };
    const start = Date.parse(venueTimeToIso(last.endsAt, zone));
    const length = start - Date.parse(venueTimeToIso(last.startsAt, zone)) || HALF_HOUR;
    return { startsAt: last.endsAt, endsAt: isoToVenueTime(new Date(start + length).toISOString(), zone) };
  };

  const savePlan = async (values: PlanValues) => {
    setPlanFailure(null);
    setPlanSaved(false);
    try {
      await setPlan({
        variables: {
          input: {
            activityId: activity.id,
            tables: values.tables ?? 0,
            slots: (values.slots ?? []).map((slot) => ({
              startsAt: venueTimeToIso(slot.startsAt, zone),
              endsAt: venueTimeToIso(slot.endsAt, zone),
            })),
          },
        },
      });
      setPlanSaved(true);
    } catch (caught) {
      setPlanFailure(caught);
    }
  };
  const run = async () => {
    setScheduleFailure(null);
    setResult(null);
    try {
      const { data: scheduled } = await schedule({ variables: { activityId: activity.id } });
      setResult(scheduled?.scheduleMeetings ?? null);
    } catch (caught) {
      setScheduleFailure(caught);
    }
  };

  if (error && !data) return <Failure error={error} retry={() => void refetch()} />;
  if (!data) return <Loading />;
  const requests = readRequests(data.activityMeetings);
  const accepted = requests.filter((r) => r.status === 'ACCEPTED').length;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('activities.meetings.plan')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('activities.meetings.planHint', { timeZone: zone })}</Typography.Text>
      {planFailure !== null && <Failure error={planFailure} />}
      <Form form={form} layout="vertical" disabled={!changeable || saving.loading} onFinish={(values) => void savePlan(values)}>
        <Form.Item name="tables" label={t('activities.meetings.tables')} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber min={0} max={500} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.List name="slots">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {fields.map((field, index) => (
                <div key={field.key} role="group" aria-label={t('activities.meetings.slotN', { n: index + 1 })}>
                  <Row gutter={12} align="bottom">
                    <Col xs={24} md={9}>
                      <Form.Item
                        name={[field.name, 'startsAt']}
                        label={t('activities.meetings.slotStarts')}
                        rules={[{ required: true, message: t('common.required') }]}
                      >
                        <Input type="datetime-local" />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={9}>
                      <Form.Item
                        name={[field.name, 'endsAt']}
                        label={t('activities.meetings.slotEnds')}
                        rules={[{ required: true, message: t('common.required') }]}
                      >
                        <Input type="datetime-local" />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={6}>
                      <Form.Item>
                        <Button onClick={() => remove(field.name)}>{t('activities.meetings.removeSlot')}</Button>
                      </Form.Item>
                    </Col>
                  </Row>
                </div>
              ))}
              {changeable && <Button onClick={() => add(nextSlot())}>{t('activities.meetings.addSlot')}</Button>}
            </Space>
          )}
        </Form.List>
        {changeable && (
          <Space style={{ marginTop: 16 }}>
            <Button type="primary" htmlType="submit" loading={saving.loading}>
              {t('activities.meetings.savePlan')}
            </Button>
            {planSaved && (
              <Typography.Text role="status" data-testid="plan-saved">
                {t('activities.meetings.planSaved')}
              </Typography.Text>
            )}
          </Space>
        )}
      </Form>

      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('activities.meetings.scheduling')}
      </Typography.Title>
      <Typography.Text type="secondary">
        {changeable ? t('activities.meetings.schedulingHint', { count: accepted }) : t('activities.meetings.final')}
      </Typography.Text>
      {changeable && (
        <Button type="primary" onClick={() => void run()} loading={scheduling.loading} style={{ alignSelf: 'flex-start' }}>
          {t('activities.meetings.schedule')}
        </Button>
      )}
      {scheduleFailure !== null && <Failure error={scheduleFailure} />}
      {result && (
        <Descriptions bordered size="small" column={{ xs: 1, md: 3 }} data-testid="schedule-result">
          <Descriptions.Item label={t('activities.meetings.placed')}>{formatNumber(result.placed)}</Descriptions.Item>
          <Descriptions.Item label={t('activities.meetings.unplacedCount')}>{formatNumber(result.unplaced)}</Descriptions.Item>
          <Descriptions.Item label={t('activities.meetings.upperBound')}>{formatNumber(result.upperBound)}</Descriptions.Item>
          <Descriptions.Item label={t('activities.meetings.kept')}>{formatNumber(result.kept)}</Descriptions.Item>
          <Descriptions.Item label={t('activities.meetings.cancelledCount')}>{formatNumber(result.cancelled)}</Descriptions.Item>
        </Descriptions>
      )}

      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('activities.meetings.allRequests')}
      </Typography.Title>
      {requests.length === 0 ? (
        <Nothing text={t('activities.meetings.noRequests')} />
      ) : (
        <Table<Request>
          rowKey="id"
          data-testid="all-requests"
          dataSource={requests}
          pagination={false}
          size="small"
          scroll={{ x: 960 }}
          columns={[
            { title: t('activities.meetings.from'), key: 'from', render: (_, r) => participantLabel(r.requester) },
            { title: t('activities.meetings.to'), key: 'to', render: (_, r) => participantLabel(r.invitee) },
            { title: t('activities.statusLabel'), key: 'status', render: (_, r) => <MeetingStatusTag status={r.status} /> },
            {
              title: t('activities.meetings.when'),
              key: 'when',
              render: (_, r) =>
                r.slot
                  ? `${formatSlot(r.slot.startsAt, r.slot.endsAt, zone)} · ${t('activities.meetings.tableN', { n: r.tableNumber })}`
                  : '—',
            },
            {
              title: t('activities.meetings.note'),
              key: 'note',
              render: (_, r) =>
                r.unplacedReason && r.status === 'ACCEPTED' && !r.slot ? unplacedText(t, r.unplacedReason) : (r.reason ?? r.message),
            },
          ]}
        />
      )}
    </Space>
  );
}
