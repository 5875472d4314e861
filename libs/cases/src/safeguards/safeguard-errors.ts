import { registerErrorTexts } from '@amparo/core';

registerErrorTexts({
  BEST_INTEREST_ASSESSMENT_REQUIRED: {
    title: {
      es: 'Falta la evaluación del interés superior',
      en: 'Best-interest assessment missing',
    },
    detail: {
      es: 'Es el caso de una niña, niño o adolescente no acompañado o separado: registre la evaluación de su interés superior antes de {purposeEs}.',
      en: 'This is an unaccompanied or separated child’s case: record the assessment of the child’s best interests before {purposeEn}.',
    },
  },
  ASSESSMENT_NOT_FOUND: {
    title: { es: 'Evaluación no encontrada', en: 'Assessment not found' },
    detail: {
      es: 'La evaluación que se corrige no existe en este caso.',
      en: 'The assessment being corrected does not exist on this case.',
    },
  },
});

/** How the refusal names what the assessment must come before, in each language. */
export const PURPOSE_WORDS = {
  return: { purposeEs: 'su retorno', purposeEn: 'the child’s return' },
  closure: { purposeEs: 'cerrar el caso', purposeEn: 'closing the case' },
} as const;
