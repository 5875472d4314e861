import { DomainError, registerErrorTexts } from '@amparo/core';
import { renderProblem } from './problem-details.filter';

registerErrorTexts({
  SAMPLE_LIMIT: {
    title: { es: 'Límite alcanzado', en: 'Limit reached' },
    detail: { es: 'Máximo {max} por día.', en: 'At most {max} a day.' },
  },
});

describe('renderProblem', () => {
  const error = new DomainError('SAMPLE_LIMIT', 'too_many_requests', {
    params: { max: 5 },
    fieldErrors: [
      { field: 'kind', code: 'REQUIRED', message: { es: 'Obligatorio.', en: 'Required.' } },
    ],
  });

  it('renders RFC 9457 fields with the status of the error kind, localized', () => {
    expect(renderProblem(error, 'es', 'req-1', '/api/v1/exports')).toEqual({
      type: 'urn:amparo:problem:sample-limit',
      title: 'Límite alcanzado',
      status: 429,
      detail: 'Máximo 5 por día.',
      instance: '/api/v1/exports',
      code: 'SAMPLE_LIMIT',
      requestId: 'req-1',
      errors: [{ field: 'kind', code: 'REQUIRED', message: 'Obligatorio.' }],
    });
    expect(renderProblem(error, 'en', 'req-1', '/x')).toMatchObject({
      title: 'Limit reached',
      detail: 'At most 5 a day.',
    });
  });

  it('falls back to a generic text for a code without one, still carrying the code', () => {
    const problem = renderProblem(new DomainError('UNCATALOGUED', 'conflict'), 'en', 'r', '/');
    expect(problem).toMatchObject({ status: 409, code: 'UNCATALOGUED', title: 'Request refused' });
  });
});
