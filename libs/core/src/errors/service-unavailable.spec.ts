import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { isServiceUnavailableError } from './service-unavailable';

describe('isServiceUnavailableError', () => {
  it('takes the next query of a transaction whose connection the database dropped for an outage', () => {
    // TypeORM releases a query runner by itself when its connection fails between two queries
    // (PostgreSQL shutting down, a terminated backend): the next query throws one of these.
    expect(isServiceUnavailableError(new QueryRunnerAlreadyReleasedError())).toBe(true);
    expect(isServiceUnavailableError(new QueryRunnerProviderAlreadyReleasedError())).toBe(true);
  });

  it('takes a refused connection and a shutting-down server for an outage, a defect for none', () => {
    expect(isServiceUnavailableError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe(
      true,
    );
    expect(isServiceUnavailableError({ driverError: { code: '57P01' } })).toBe(true);
    expect(isServiceUnavailableError(new TypeError('x is undefined'))).toBe(false);
    expect(isServiceUnavailableError({ driverError: { code: '23505' } })).toBe(false);
  });
});
