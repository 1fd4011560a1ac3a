// PLACEHOLDER signatures; helper A writes the nodemailer transport.
import { Injectable } from '@nestjs/common';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per delivery, so a resend carries the same Message-ID. */
  messageId: string;
  headers?: Record<string, string>;
}

export interface MailResult {
  statusCode: number | null;
  response: string;
}

@Injectable()
export class MailTransport {
  get configured(): boolean {
    return false;
  }

  async send(mail: OutgoingMail): Promise<MailResult> {
    void mail;
    throw new Error('not written yet');
  }
}
