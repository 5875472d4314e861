import { safeErrorForLog } from './safe-error';

describe('safeErrorForLog', () => {
  it('keeps the kind of failure and drops parameters and row values', () => {
    const error = Object.assign(
      new Error('duplicate key value violates unique constraint "uq_users_email"'),
      {
        name: 'QueryFailedError',
        code: '23505',
        constraint: 'uq_users_email',
        detail: 'Key (email)=(maria@example.org) already exists.',
        parameters: ['maria@example.org', 'María López'],
        query: 'INSERT INTO users ...',
      },
    );
    const logged = JSON.stringify(safeErrorForLog(error));
    expect(logged).toContain('uq_users_email');
    expect(logged).toContain('23505');
    expect(logged).not.toContain('maria@example.org');
    expect(logged).not.toContain('María');
  });
});
