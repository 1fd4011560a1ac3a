import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '../access/actor';
import { AuditLogService } from '../audit-log/audit-log.service';
import { changeEntry } from '../audit-log/change-entry';
import { DomainError } from '../common/domain-error';
import { defaultPreference, DIGESTIBLE, PERSONAL_CHANNELS, PersonalChannel } from './notification-defaults';
import { DigestFrequency, NotificationChannel, NotificationEventType } from './notification-event-type';
import { NotificationPreferenceEntity } from './notification-preference.entity';

export interface PreferenceView {
  eventType: NotificationEventType;
  channel: PersonalChannel;
  enabled: boolean;
  frequency: DigestFrequency;
  /** False while the default applies. */
  chosen: boolean;
}

export interface PreferenceChange {
  eventType: NotificationEventType;
  channel: PersonalChannel;
  enabled: boolean;
  frequency?: DigestFrequency;
}

/** Per user, per event type and personal channel (in-app, e-mail): on or off, and for alerts by e-mail how often. */
@Injectable()
export class NotificationPreferencesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLogService,
  ) {}

  /** Every event type × channel, with the user's choice or the default. */
  async of(actor: Actor): Promise<PreferenceView[]> {
    const rows = await this.dataSource.getRepository(NotificationPreferenceEntity).findBy({ userId: actor.userId });
    const chosen = new Map(rows.map((r) => [`${r.eventType}:${r.channel}`, r]));
    return Object.values(NotificationEventType).flatMap((eventType) =>
      PERSONAL_CHANNELS.map((channel) => {
        const row = chosen.get(`${eventType}:${channel}`);
        const value = row ?? defaultPreference(eventType, channel);
        return { eventType, channel, enabled: value.enabled, frequency: value.frequency, chosen: row !== undefined };
      }),
    );
  }

  /** Applies all changes or none. A digest frequency is only for opportunity alerts by e-mail. */
  async set(actor: Actor, changes: PreferenceChange[]): Promise<PreferenceView[]> {
    changes.forEach((change, i) => {
      const frequency = change.frequency ?? DigestFrequency.IMMEDIATE;
      const digestible = DIGESTIBLE.includes(change.eventType) && change.channel === NotificationChannel.EMAIL;
      if (frequency !== DigestFrequency.IMMEDIATE && !digestible) {
        throw DomainError.badInput(
          `input.${i}.frequency`,
          `Digests are for opportunity alerts by e-mail; ${change.eventType} on ${change.channel} is IMMEDIATE`,
        );
      }
    });
    const before = await this.of(actor);
    await this.dataSource.transaction(async (manager) => {
      await this.audit.record(manager, [
        {
          entityType: 'user',
          entityId: actor.userId,
          actor,
          action: 'set notification preferences',
          changes: preferenceChanges(before, changes),
        },
      ]);
      for (const change of changes) {
        await manager.upsert(
          NotificationPreferenceEntity,
          {
            userId: actor.userId,
            eventType: change.eventType,
            channel: change.channel,
            enabled: change.enabled,
            frequency: change.frequency ?? DigestFrequency.IMMEDIATE,
          },
          ['userId', 'eventType', 'channel'],
        );
      }
    });
    return this.of(actor);
  }
}

/** One field per event type and channel changed ("OPPORTUNITY_ALERT.EMAIL"), its value {enabled, frequency}. */
function preferenceChanges(before: PreferenceView[], changes: PreferenceChange[]) {
  const key = (p: { eventType: string; channel: string }) => `${p.eventType}.${p.channel}`;
  const was = Object.fromEntries(before.map((p) => [key(p), { enabled: p.enabled, frequency: p.frequency }]));
  const is = {
    ...was,
    ...Object.fromEntries(changes.map((c) => [key(c), { enabled: c.enabled, frequency: c.frequency ?? DigestFrequency.IMMEDIATE }])),
  };
  return changeEntry(was, is, [...new Set(changes.map(key))]);
}
