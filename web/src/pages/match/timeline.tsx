import { Card, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format';
import type { MatchPageQuery, MatchStatus } from '../../gql/graphql';
import { Nothing } from '../../states';
import './messages';

type Entry = MatchPageQuery['auditTrail'][number];

/** A recorded value (JSON) as a person reads it: text without its quotes, lists joined. */
function shown(value: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  try {
    const parsed: unknown = JSON.parse(value);
    if (Array.isArray(parsed)) return parsed.join(', ');
    return typeof parsed === 'object' && parsed !== null ? value : String(parsed);
  } catch {
    return value;
  }
}

/** The match's audit trail, oldest first: when, who (role and organisation), what, and what changed. */
export function MatchTimeline({ entries }: { entries: Entry[] }) {
  const { t } = useTranslation();
  return (
    <Card
      title={
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('match.timeline')}
        </Typography.Title>
      }
      data-testid="match-timeline"
    >
      {entries.length === 0 ? (
        <Nothing text={t('match.noTimeline')} />
      ) : (
        <Timeline
          items={entries.map((entry) => ({
            key: entry.id,
            title: formatDateTime(entry.at),
            content: (
              <Space direction="vertical" size={2}>
                <Space wrap size={4}>
                  <Typography.Text strong>{t(`match.action.${entry.action}`, { defaultValue: entry.action })}</Typography.Text>
                  {entry.toStatus && entry.toStatus !== entry.fromStatus && <Tag>{t(`matchStatus.${entry.toStatus as MatchStatus}`)}</Tag>}
                </Space>
                <Typography.Text type="secondary">
                  {entry.actor
                    ? [entry.actor.name, entry.actor.role && t(`role.${entry.actor.role}`), entry.actor.organizationName]
                        .filter(Boolean)
                        .join(' · ')
                    : t('match.system')}
                </Typography.Text>
                {entry.reason && <Typography.Text>“{entry.reason}”</Typography.Text>}
                {entry.changes
                  .filter((change) => change.field !== 'status')
                  .map((change) => (
                    <Typography.Text key={change.field} type="secondary" style={{ fontSize: 12 }}>
                      {change.field}: {change.secret ? t('match.changed') : `${shown(change.before)} → ${shown(change.after)}`}
                    </Typography.Text>
                  ))}
              </Space>
            ),
          }))}
        />
      )}
    </Card>
  );
}
