import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsUUID } from 'class-validator';
import { EntityManager } from 'typeorm';
import { Actor } from '../access/actor';
import { DomainError } from '../common/domain-error';
import { MatchEntity } from '../matches/match.entity';
import { MatchOutcomeKind } from '../matches/match-status';
import { MatchWorkflowService } from '../matches/match-workflow.service';
import { NeedEntity } from '../needs/need.entity';

@InputType({ description: 'Record a contribution (a donation handed over, a course completed) as the outcome of the match it served.' })
export class RecordContributionOutcomeInput {
  @Field(() => ID, { description: 'The donation or training course.' })
  @IsUUID()
  id: string;

  @Field(() => ID, {
    description: 'The match between the giver (the enterprise) and the recipient’s need, ENGAGED or with outcomes already.',
  })
  @IsUUID()
  matchId: string;

  @Field(() => Int, { description: 'The match’s version as you read it (CONFLICT when it changed since).' })
  @IsInt()
  matchVersion: number;
}

/**
 * Adds the contribution to the match's outcomes in the caller's transaction (MatchWorkflowService.recordOutcomeIn: the
 * match must be ENGAGED or have outcomes, the date not before the introduction; both sides are told). The match must
 * join the giver, as its enterprise, and the recipient, as its need's organisation.
 */
export async function recordContributionOutcome(
  manager: EntityManager,
  workflow: MatchWorkflowService,
  actor: Actor,
  contribution: { giverId: string; recipientId: string; recordedMatchId: string | null },
  input: RecordContributionOutcomeInput,
  outcome: { kind: MatchOutcomeKind; date: string; value: number | null; currency: string | null; note: string },
): Promise<void> {
  if (contribution.recordedMatchId) throw DomainError.conflict('It is already recorded as the outcome of a match');
  const match = await manager.findOneBy(MatchEntity, { id: input.matchId });
  const need = match && (await manager.findOneBy(NeedEntity, { id: match.needId }));
  if (match && need && (match.enterpriseId !== contribution.giverId || need.organizationId !== contribution.recipientId))
    throw DomainError.badInput(
      'matchId',
      'the match must be between the giver (its enterprise) and the recipient (its need’s organisation)',
    );
  // An unknown match, or one the caller may not see, is NOT_FOUND from the workflow's own check.
  await workflow.recordOutcomeIn(manager, actor, {
    id: input.matchId,
    version: input.matchVersion,
    kind: outcome.kind,
    date: outcome.date,
    value: outcome.value,
    currency: outcome.value === null ? null : outcome.currency,
    note: outcome.note,
  });
}
