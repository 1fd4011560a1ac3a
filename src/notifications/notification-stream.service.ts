import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { AppConfig, servesApi } from '../config/app-config';

/** The PostgreSQL NOTIFY channel on which the fan-out announces new in-app notifications. */
export const NOTIFICATION_CHANNEL = 'waterbridge_notification';

type Listener = (notificationId: string) => void;

/**
 * New in-app notifications, as they commit, for the GraphQL subscriptions of this process. The fan-out may run in
 * any process (a worker, another API instance): it NOTIFYs in its transaction, and every API process LISTENs on one
 * dedicated connection, so a subscriber hears of it wherever it is connected. A dropped connection is re-opened.
 */
@Injectable()
export class NotificationStreamService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('NotificationStream');
  private readonly listeners = new Map<string, Set<Listener>>();
  private client?: Client;
  private closed = false;

  constructor(private readonly config: AppConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    // A worker process has no subscriptions to feed.
    if (servesApi(this.config)) await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    await this.client?.end().catch(() => undefined);
  }

  /** Calls `listener` with the id of each new notification of the user; returns the unsubscribe function. */
  listen(userId: string, listener: Listener): () => void {
    const set = this.listeners.get(userId) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(userId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(userId);
    };
  }

  /**
   * The user's new notifications as an async iterator (what a GraphQL subscription returns): `load` turns an id into
   * the notification; ids that load to null are skipped. Ending the subscription stops listening.
   */
  notificationsOf<T>(userId: string, load: (id: string) => Promise<T | null>): AsyncIterableIterator<T> {
    const ready: string[] = [];
    let wake: (() => void) | undefined;
    let done = false;
    const stop = this.listen(userId, (id) => {
      ready.push(id);
      wake?.();
    });
    const finish = async (): Promise<IteratorResult<T>> => {
      done = true;
      stop();
      wake?.();
      return { done: true, value: undefined };
    };
    const iterator: AsyncIterableIterator<T> = {
      next: async () => {
        while (!done) {
          const id = ready.shift();
          if (id !== undefined) {
            const value = await load(id);
            if (value !== null) return { done: false, value };
            continue;
          }
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
        }
        return { done: true, value: undefined };
      },
      return: finish,
      throw: async (error: unknown) => {
        await finish();
        throw error;
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new Client({ connectionString: this.config.DATABASE_URL, application_name: 'waterbridge-listen' });
    client.on('notification', (message) => {
      if (message.channel !== NOTIFICATION_CHANNEL || !message.payload) return;
      const { userId, id } = JSON.parse(message.payload) as { userId: string; id: string };
      for (const listener of this.listeners.get(userId) ?? []) listener(id);
    });
    client.on('error', (error) => {
      this.logger.warn(`Notification listener lost its connection (${error.message}); reconnecting`);
      this.client = undefined;
      void client.end().catch(() => undefined);
      setTimeout(() => void this.connect().catch((e: unknown) => this.logger.warn(String(e))), 1000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${NOTIFICATION_CHANNEL}`);
    this.client = client;
  }
}
