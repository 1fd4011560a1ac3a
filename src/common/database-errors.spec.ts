import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { formatGraphQLError } from './graphql-errors';

/** What a client gets when PostgreSQL fails a statement with `sqlState`, as Apollo hands the error to formatGraphQLError. */
function answerFor(sqlState: string, message: string) {
  const driverError = Object.assign(new Error(message), { code: sqlState });
  const error = new GraphQLError(message, {
    path: ['approveMatches'],
    originalError: new QueryFailedError('UPDATE need SET status = $1', ['IN_REVIEW'], driverError),
  });
  return formatGraphQLError({ message, path: ['approveMatches'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error);
}

describe('database failures as GraphQL errors', () => {
  it.each([
    ['40P01', 'deadlock detected', 'deadlock_detected'],
    ['40001', 'could not serialize access due to concurrent update', 'serialization_failure'],
  ])('answers %s (%s) with CONFLICT, saying to send the request again', (sqlState, message, name) => {
    const answer = answerFor(sqlState, message);
    expect(answer.extensions).toEqual({ code: 'CONFLICT', status: 409, retryable: true });
    expect(answer.message).toContain(name);
    expect(answer.message).toMatch(/nothing was saved: send the request again/);
    expect(answer.path).toEqual(['approveMatches']);
  });

  it('keeps any other database failure an INTERNAL_SERVER_ERROR with a correlation id and no SQL', () => {
    const answer = answerFor('23505', 'duplicate key value violates unique constraint "match_need_enterprise"');
    expect(answer.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(answer.extensions?.correlationId).toEqual(expect.any(String));
    expect(JSON.stringify(answer)).not.toMatch(/duplicate key|UPDATE need/);
  });
});
