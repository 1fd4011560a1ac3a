import {
  assertMove,
  canMove,
  FINAL,
  furthestStage,
  MatchOutcomeKind,
  MatchStatus,
  OUTCOME_STAGES,
  outcomeDateProblem,
  stageOf,
} from './match-status';

describe('the match lifecycle', () => {
  it('goes from suggestion to outcome only through review, approval, introduction and engagement', () => {
    const path = [
      MatchStatus.SUGGESTED,
      MatchStatus.SHORTLISTED,
      MatchStatus.APPROVED,
      MatchStatus.INTRODUCED,
      MatchStatus.ENGAGED,
      MatchStatus.OUTCOME_RECORDED,
    ];
    for (let i = 0; i + 1 < path.length; i++) expect(canMove(path[i], path[i + 1])).toBe(true);
    expect(canMove(MatchStatus.SUGGESTED, MatchStatus.INTRODUCED)).toBe(false);
    expect(canMove(MatchStatus.SUGGESTED, MatchStatus.ENGAGED)).toBe(false);
    expect(canMove(MatchStatus.INTRODUCED, MatchStatus.OUTCOME_RECORDED)).toBe(false);
  });

  it('rejects only what is still under review, and never an introduction', () => {
    expect(canMove(MatchStatus.SUGGESTED, MatchStatus.REJECTED)).toBe(true);
    expect(canMove(MatchStatus.SHORTLISTED, MatchStatus.REJECTED)).toBe(true);
    expect(canMove(MatchStatus.INTRODUCED, MatchStatus.REJECTED)).toBe(false);
  });

  it('lets nothing leave a final status', () => {
    for (const from of FINAL) for (const to of Object.values(MatchStatus)) expect(canMove(from, to)).toBe(false);
  });

  it('answers an impossible move with CONFLICT', () => {
    expect(() => assertMove(MatchStatus.REJECTED, MatchStatus.APPROVED)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });
});

describe('the stages of a collaboration', () => {
  it('orders the outcomes as a collaboration goes: MoU, training, pilot, contract, handover', () => {
    expect(OUTCOME_STAGES.map(stageOf)).toEqual([1, 2, 3, 4, 5]);
    expect(stageOf(MatchOutcomeKind.MOU_SIGNED)).toBeLessThan(stageOf(MatchOutcomeKind.PILOT_OR_DEMONSTRATION)!);
    expect(stageOf(MatchOutcomeKind.CONTRACT)).toBeLessThan(stageOf(MatchOutcomeKind.HANDOVER)!);
    expect(stageOf(MatchOutcomeKind.NONE)).toBeNull();
    // Every kind but NONE is a stage.
    expect(Object.values(MatchOutcomeKind).filter((k) => stageOf(k) === null)).toEqual([MatchOutcomeKind.NONE]);
  });

  it('takes the furthest stage reached, whatever order the outcomes were recorded in', () => {
    const { MOU_SIGNED, TRAINING_DELIVERED, PILOT_OR_DEMONSTRATION, CONTRACT, HANDOVER, NONE } = MatchOutcomeKind;
    expect(furthestStage([])).toBeNull();
    expect(furthestStage([NONE])).toBeNull();
    expect(furthestStage([MOU_SIGNED, PILOT_OR_DEMONSTRATION])).toBe(PILOT_OR_DEMONSTRATION);
    expect(furthestStage([MOU_SIGNED, CONTRACT, TRAINING_DELIVERED])).toBe(CONTRACT);
    expect(furthestStage([HANDOVER, MOU_SIGNED, NONE])).toBe(HANDOVER);
  });
});

describe('the date of an outcome', () => {
  const introducedAt = new Date('2026-03-10T09:00:00Z');
  const now = new Date('2026-06-01T12:00:00Z');

  it('takes a date from the introduction to today', () => {
    for (const date of ['2026-03-10', '2026-04-30', '2026-06-01']) expect(outcomeDateProblem(date, introducedAt, now)).toBeNull();
  });

  it('refuses a date in the future, and one before the introduction, saying which', () => {
    expect(outcomeDateProblem('2099-01-01', introducedAt, now)).toBe('date 2099-01-01 is in the future (today is 2026-06-01 UTC)');
    expect(outcomeDateProblem('2026-06-03', introducedAt, now)).toMatch(/in the future/);
    expect(outcomeDateProblem('2026-03-08', introducedAt, now)).toBe(
      'date 2026-03-08 is before the two sides were introduced (2026-03-10)',
    );
  });

  it('counts today and the day of the introduction as the calendars of every time zone do', () => {
    // At 12:00 UTC it is already 2 June east of UTC+12 (Kiribati is at UTC+14).
    expect(outcomeDateProblem('2026-06-02', introducedAt, now)).toBeNull();
    // 09:00 UTC on 10 March was still 9 March west of UTC−9.
    expect(outcomeDateProblem('2026-03-09', introducedAt, now)).toBeNull();
  });
});
