import { Controller, Get, Header, Headers, Query, Res } from '@nestjs/common';
import { RequestAuthenticator } from '../access/request-authenticator';
import { DomainError, ErrorCode } from '../common/domain-error';
import { domainErrorToGraphQL } from '../common/graphql-errors';
import { AppConfig } from '../config/app-config';
import { PlainResponse } from '../observability/plain-response';
import { agendaCalendar } from './agenda-calendar';
import { MeetingsService } from './meetings.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A delegate's meeting agenda as an iCalendar file: `GET /meetings/agenda.ics?registration=<id>` with the same bearer
 * token as the API (their organisation's members, or the secretariat). Each meeting is a VEVENT with a stable UID, so
 * importing a later agenda updates the events instead of adding copies, and an alarm MEETING_REMINDER_MINUTES before.
 */
@Controller('meetings')
export class MeetingAgendaController {
  constructor(
    private readonly auth: RequestAuthenticator,
    private readonly meetings: MeetingsService,
    private readonly config: AppConfig,
  ) {}

  @Get('agenda.ics')
  @Header('cache-control', 'no-store')
  async agenda(
    @Headers('authorization') authorization: string | undefined,
    @Query('registration') registrationId: string | undefined,
    @Res() res: PlainResponse,
  ): Promise<void> {
    try {
      const actor = await this.auth.actorFromHeader(authorization);
      if (!actor) throw DomainError.unauthenticated();
      if (!registrationId || !UUID.test(registrationId)) throw DomainError.badInput('registration', 'give the delegate’s registration id');
      const { activity, participant, meetings } = await this.meetings.agenda(actor, registrationId);
      const where = [activity.city, activity.countryCode].filter(Boolean).join(', ');
      const body = agendaCalendar({
        calendarName: `${activity.title} — ${participant.name}`,
        generatedAt: new Date(),
        entries: meetings.map(({ request, slot, other }) => ({
          uid: `meeting-${request.id}@waterbridge`,
          title: `Meeting: ${other.name} (${other.organizationName})`,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          location: `${activity.title}${where ? `, ${where}` : ''} — table ${request.tableNumber}`,
          description: [
            request.message && `“${request.message}”`,
            `${participant.name} meets ${other.name}${other.position ? `, ${other.position}` : ''}, ${other.organizationName}.`,
          ]
            .filter(Boolean)
            .join('\n'),
          reminderMinutesBefore: this.config.MEETING_REMINDER_MINUTES,
        })),
      });
      res.setHeader('content-type', 'text/calendar; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="agenda-${registrationId}.ics"`);
      res.send(body);
    } catch (error) {
      // Refusals as the reports' CSV answers them: the HTTP status of the code, a body shaped like a GraphQL error.
      if (!(error instanceof DomainError)) throw error;
      const { message, extensions } = domainErrorToGraphQL(error);
      if (error.code === ErrorCode.Unauthenticated) res.setHeader('www-authenticate', 'Bearer realm="meetings"');
      res.status(extensions.status as number).json({ errors: [{ message, extensions }] });
    }
  }
}
