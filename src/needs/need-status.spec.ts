import { DomainError, ErrorCode } from '../common/domain-error';
import { assertTransition, canTransition, NeedStatus, PUBLISHED_NEED_STATUSES } from './need-status';

describe('need lifecycle', () => {
  it('follows DRAFT → OPEN → IN_REVIEW → MATCHED → CLOSED', () => {
    const path = [NeedStatus.DRAFT, NeedStatus.OPEN, NeedStatus.IN_REVIEW, NeedStatus.MATCHED, NeedStatus.CLOSED];
    for (let i = 0; i < path.length - 1; i++) expect(canTransition(path[i], path[i + 1])).toBe(true);
  });

  it('lets a need be withdrawn until it is matched, and never after', () => {
    expect(canTransition(NeedStatus.DRAFT, NeedStatus.WITHDRAWN)).toBe(true);
    expect(canTransition(NeedStatus.OPEN, NeedStatus.WITHDRAWN)).toBe(true);
    expect(canTransition(NeedStatus.IN_REVIEW, NeedStatus.WITHDRAWN)).toBe(true);
    expect(canTransition(NeedStatus.MATCHED, NeedStatus.WITHDRAWN)).toBe(false);
  });

  it('never skips publication or leaves a final state', () => {
    expect(canTransition(NeedStatus.DRAFT, NeedStatus.MATCHED)).toBe(false);
    expect(canTransition(NeedStatus.DRAFT, NeedStatus.CLOSED)).toBe(false);
    for (const to of Object.values(NeedStatus)) {
      expect(canTransition(NeedStatus.CLOSED, to)).toBe(false);
      expect(canTransition(NeedStatus.WITHDRAWN, to)).toBe(false);
    }
  });

  it('refuses a forbidden move with CONFLICT', () => {
    expect(() => assertTransition(NeedStatus.CLOSED, NeedStatus.OPEN)).toThrow(DomainError);
    try {
      assertTransition(NeedStatus.CLOSED, NeedStatus.OPEN);
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
