import { useQuery } from '@apollo/client/react';
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../../download';
import { graphql, useFragment as unmask } from '../../../gql';
import type { DelegateAgendaQuery } from '../../../gql/graphql';
import { Failure, Loading, Nothing } from '../../../states';
import { formatSlot } from '../../../time-zones';
import type { ActivityDetails } from '../activity';
import { MEETING_PARTICIPANT } from './activity-meetings';
import { participantLabel } from './participant';

const AGENDA = graphql(`
  query DelegateAgenda($registrationId: ID!) {
    meetingAgenda(registrationId: $registrationId) {
      meetingRequestId
      startsAt
      endsAt
      tableNumber
      message
      with {
        ...MeetingParticipantParts
      }
    }
  }
`);

type Entry = DelegateAgendaQuery['meetingAgenda'][number];

/** A file name a person recognises: the delegate's name, no characters a file system refuses. */
const fileNameOf = (name: string) => `agenda-${name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'delegate'}.ics`;

/** The delegate's scheduled meetings on the venue's clock, at which table, with whom; and the same as an .ics file. */
export function Agenda({ activity, delegateId, delegateName }: { activity: ActivityDetails; delegateId: string; delegateName: string }) {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useQuery(AGENDA, {
    variables: { registrationId: delegateId },
    fetchPolicy: 'cache-and-network',
  });
  const [downloading, setDownloading] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const download = async () => {
    setDownloading(true);
    setFailure(null);
    try {
      await downloadFile(`/meetings/agenda.ics?registration=${encodeURIComponent(delegateId)}`, fileNameOf(delegateName));
    } catch (caught) {
      setFailure(caught);
    } finally {
      setDownloading(false);
    }
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('activities.meetings.agenda')}
        </Typography.Title>
        <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void download()}>
          {t('activities.meetings.download')}
        </Button>
      </Space>
      <Typography.Text type="secondary">{t('activities.meetings.agendaHint', { timeZone: activity.timeZone })}</Typography.Text>
      {failure !== null && <Failure error={failure} />}
      {error && <Failure error={error} retry={() => void refetch()} />}
      {!data && loading && <Loading />}
      {data &&
        (data.meetingAgenda.length === 0 ? (
          <Nothing text={t('activities.meetings.noAgenda')} />
        ) : (
          <Table<Entry>
            rowKey="meetingRequestId"
            data-testid="agenda"
            dataSource={data.meetingAgenda}
            pagination={false}
            size="small"
            scroll={{ x: 640 }}
            columns={[
              {
                title: t('activities.meetings.when'),
                key: 'when',
                render: (_, e) => <time dateTime={e.startsAt}>{formatSlot(e.startsAt, e.endsAt, activity.timeZone)}</time>,
              },
              { title: t('activities.meetings.table'), dataIndex: 'tableNumber', align: 'right' },
              {
                title: t('activities.meetings.with'),
                key: 'with',
                render: (_, e) => participantLabel(unmask(MEETING_PARTICIPANT, e.with)),
              },
              { title: t('activities.meetings.about'), dataIndex: 'message' },
            ]}
          />
        ))}
    </Space>
  );
}
