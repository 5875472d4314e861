import { CASE_CATEGORIES, VULNERABILITY_FLAGS } from '@amparo/cases';
import { DomainError, FieldError } from '@amparo/core';
import { PRACTICE_KINDS, PracticeInput, SEMESTER } from './good-practice';

const problem = (field: string, code: string, es: string, en: string): FieldError => ({
  field,
  code,
  message: { es, en },
});

/**
 * The checks that need no database, collected so one request reports every problem: a title in at
 * least one language, code lists of cases, the semester's form, and the caller's own country among
 * the countries (a submitter records practices of their country only).
 */
export function practiceProblems(input: PracticeInput, ownCountries: string[]): FieldError[] {
  const problems: FieldError[] = [];
  if (!input.titleEs?.trim() && !input.titleEn?.trim())
    problems.push(
      problem(
        'titleEs',
        'TITLE_REQUIRED',
        'Indique el título en español, en inglés o en ambos.',
        'Give the title in Spanish, in English or both.',
      ),
    );
  if (!(PRACTICE_KINDS as readonly string[]).includes(input.kind))
    problems.push(problem('kind', 'UNKNOWN_KIND', 'Tipo no admitido.', 'Unsupported kind.'));
  (input.categories ?? []).forEach((c, i) => {
    if (!(CASE_CATEGORIES as readonly string[]).includes(c))
      problems.push(
        problem(
          `categories.${i}`,
          'UNKNOWN_CATEGORY',
          'Categoría desconocida.',
          'Unknown category.',
        ),
      );
  });
  (input.flags ?? []).forEach((f, i) => {
    if (!(VULNERABILITY_FLAGS as readonly string[]).includes(f))
      problems.push(
        problem(
          `flags.${i}`,
          'UNKNOWN_FLAG',
          'Indicador desconocido.',
          'Unknown vulnerability flag.',
        ),
      );
  });
  if (input.semester && !SEMESTER.test(input.semester))
    problems.push(
      problem('semester', 'INVALID_SEMESTER', 'Use la forma 2026-S1.', 'Use the form 2026-S1.'),
    );
  if (!input.problem?.trim())
    problems.push(problem('problem', 'REQUIRED', 'Describa el problema.', 'Describe the problem.'));
  if (!input.action?.trim())
    problems.push(
      problem('action', 'REQUIRED', 'Describa lo que se hizo.', 'Describe what was done.'),
    );
  if (!input.countries.some((c) => ownCountries.includes(c)))
    problems.push(
      problem(
        'countries',
        'OWN_COUNTRY_REQUIRED',
        'Incluya su propio país: solo se registran prácticas del país propio.',
        'Include your own country: you record practices of your own country only.',
      ),
    );
  return problems;
}

export function assertNoProblems(problems: FieldError[]): void {
  if (problems.length)
    throw new DomainError('VALIDATION_FAILED', 'invalid', { fieldErrors: problems });
}
