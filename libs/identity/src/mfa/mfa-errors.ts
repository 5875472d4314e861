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
  MFA_REAUTHENTICATION_REQUIRED: {
    title: { es: 'Inicie sesión de nuevo primero', en: 'Sign in again first' },
    detail: {
      es: 'Para reemplazar el autenticador, inicie sesión con la verificación en dos pasos (o con un código de recuperación) y hágalo en los 10 minutos siguientes.',
      en: 'To replace your authenticator, sign in with two-step verification (or a recovery code) and do it within the next 10 minutes.',
    },
  },
  MFA_REPLACEMENT_NOT_STARTED: {
    title: { es: 'Reemplazo no iniciado', en: 'Replacement not started' },
    detail: {
      es: 'No hay un reemplazo del autenticador pendiente en esta sesión, o expiró a los 10 minutos. Empiece de nuevo.',
      en: 'There is no pending authenticator replacement in this session, or it expired after 10 minutes. Start again.',
    },
  },
});
