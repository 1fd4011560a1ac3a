// PLACEHOLDER signatures; helper B writes the signed sender.
import { Injectable } from '@nestjs/common';

export interface WebhookCallResult {
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
}

@Injectable()
export class WebhookSender {
  async post(endpoint: { url: string; secret: string }, delivery: { key: string; eventType: string }, body: string): Promise<WebhookCallResult> {
    void endpoint;
    void delivery;
    void body;
    throw new Error('not written yet');
  }
}
