import { registerErrorTexts } from '@amparo/core';

registerErrorTexts({
  MFA_RECOVERY_CODE_INVALID: {
    title: { es: 'Código de recuperación no válido', en: 'Invalid recovery code' },
    detail: {
      es: 'El código de recuperación no es válido o ya se usó. Cada código sirve una sola vez.',
      en: 'The recovery code is invalid or was already used. Each code works only once.',
    },
  },
  MFA_NOT_ENABLED: {
    title: {
      es: 'Verificación en dos pasos no activada',
      en: 'Two-step verification not on',
    },
    detail: {
      es: 'Esta cuenta no tiene la verificación en dos pasos activada.',
      en: 'This account does not have two-step verification turned on.',
    },
  },
});
