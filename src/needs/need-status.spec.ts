import { DomainError, ErrorCode } from '../common/domain-error';
import { assertMove, canMove, NeedStatus, PUBLISHED_NEED_STATUSES } from './need-status';

describe('need lifecycle', () => {
  it('follows DRAFT → OPEN → IN_REVIEW → MATCHED → CLOSED', () => {
    const path = [NeedStatus.DRAFT, NeedStatus.OPEN, NeedStatus.IN_REVIEW, NeedStatus.MATCHED, NeedStatus.CLOSED];
    for (let i = 0; i < path.length - 1; i++) expect(canMove(path[i], path[i + 1])).toBe(true);
  });

  it('lets a need be withdrawn until it is matched, and never after', () => {
    expect(canMove(NeedStatus.DRAFT, NeedStatus.WITHDRAWN)).toBe(true);
    expect(canMove(NeedStatus.OPEN, NeedStatus.WITHDRAWN)).toBe(true);
    expect(canMove(NeedStatus.IN_REVIEW, NeedStatus.WITHDRAWN)).toBe(true);
    expect(canMove(NeedStatus.MATCHED, NeedStatus.WITHDRAWN)).toBe(false);
  });

  it('never skips publication or leaves a final state', () => {
    expect(canMove(NeedStatus.DRAFT, NeedStatus.MATCHED)).toBe(false);
    expect(canMove(NeedStatus.DRAFT, NeedStatus.CLOSED)).toBe(false);
    for (const to of Object.values(NeedStatus)) {
      expect(canMove(NeedStatus.CLOSED, to)).toBe(false);
      expect(canMove(NeedStatus.WITHDRAWN, to)).toBe(false);
    }
  });

  it('refuses a forbidden move with CONFLICT', () => {
    expect(() => assertMove(NeedStatus.CLOSED, NeedStatus.OPEN)).toThrow(DomainError);
    try {
      assertMove(NeedStatus.CLOSED, NeedStatus.OPEN);
    } catch (error) {
      expect((error as DomainError).code).toBe(ErrorCode.Conflict);
    }
  });

  it('keeps drafts and withdrawn needs out of the published statuses', () => {
    expect(PUBLISHED_NEED_STATUSES).not.toContain(NeedStatus.DRAFT);
    expect(PUBLISHED_NEED_STATUSES).not.toContain(NeedStatus.WITHDRAWN);
    expect(PUBLISHED_NEED_STATUSES).toContain(NeedStatus.OPEN);
  });
});
