import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ActivityEntity } from './activity.entity';

/** What a domain does to what it holds of an activity being cancelled, in the cancellation's transaction. */
export type ActivityCancellationStep = (manager: EntityManager, activity: ActivityEntity, reason: string) => Promise<void>;

/**
 * The steps of an activity's cancellation that belong to domains above activities (meetings cancel the activity's
 * meeting requests): each registers its step at start-up, and `cancelActivity` runs them in its transaction after the
 * registrations are cancelled. Activities import none of those domains (docs/ARCHITECTURE.md, "Layers").
 */
@Injectable()
export class ActivityCancellationSteps {
  private readonly steps: ActivityCancellationStep[] = [];

  add(step: ActivityCancellationStep): void {
    this.steps.push(step);
  }

  async run(manager: EntityManager, activity: ActivityEntity, reason: string): Promise<void> {
    for (const step of this.steps) await step(manager, activity, reason);
  }
}
