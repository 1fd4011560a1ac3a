import { OUTCOME_STAGE_KINDS, outcomeStageOf } from '../notifications/notification-payload';
import { MatchOutcomeKind, OUTCOME_STAGES, stageOf } from './match-status';

// Notifications name and number outcomes from their own copy of the kinds (they do not import matches): it must agree.
describe('outcome kinds as the notifications know them', () => {
  it('are the same kinds, with the same stages in the same order', () => {
    expect(OUTCOME_STAGE_KINDS).toEqual(OUTCOME_STAGES);
    expect(new Set(Object.values(MatchOutcomeKind))).toEqual(new Set([...OUTCOME_STAGE_KINDS, 'NONE']));
    for (const kind of Object.values(MatchOutcomeKind)) expect(outcomeStageOf(kind)).toBe(stageOf(kind));
  });
});
