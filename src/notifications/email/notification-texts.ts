// PLACEHOLDER signatures; the bilingual texts are being written (helper A replaces the bodies).
import { Language, Role } from '../../users/user.entity';
import { DigestFrequency, NotificationEventType } from '../notification-event-type';
import { NotificationPayload } from '../notification-payload';

/** Who reads the message: decides "your need" versus "the agency's need", and the greeting. */
export interface RecipientView {
  displayName: string;
  organizationId: string;
  role: Role;
}

/** A short in-app notification. */
export interface InAppTexts {
  title: string;
  body: string;
}

export interface EmailMessage {
  subject: string;
  text: string;
  html: string;
}

export interface DigestItem {
  type: NotificationEventType;
  payload: NotificationPayload;
  createdAt: Date;
}

export function inAppTexts(type: NotificationEventType, payload: NotificationPayload, language: Language, recipient: RecipientView): InAppTexts {
  void language;
  void recipient;
  return { title: type, body: payload.needTitle ?? '' };
}

export function emailMessage(type: NotificationEventType, payload: NotificationPayload, language: Language, recipient: RecipientView, appUrl: string): EmailMessage {
  const t = inAppTexts(type, payload, language, recipient);
  return { subject: t.title, text: `${t.body}\n${appUrl}`, html: `<p>${t.body}</p>` };
}

export function digestEmail(items: DigestItem[], language: Language, recipient: RecipientView, frequency: DigestFrequency, appUrl: string): EmailMessage {
  void recipient;
  void language;
  return { subject: `${frequency} digest: ${items.length}`, text: appUrl, html: `<p>${items.length}</p>` };
}
