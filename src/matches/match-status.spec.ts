import { assertMove, canMove, FINAL, MatchStatus } from './match-status';

describe('the match lifecycle', () => {
  it('goes from suggestion to outcome only through review, approval, introduction and engagement', () => {
    const path = [MatchStatus.SUGGESTED, MatchStatus.SHORTLISTED, MatchStatus.APPROVED, MatchStatus.INTRODUCED, MatchStatus.ENGAGED, MatchStatus.OUTCOME_RECORDED];
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
