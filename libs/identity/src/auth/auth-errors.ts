import { DomainError, registerErrorTexts } from '@amparo/core';

registerErrorTexts({
  INVALID_CREDENTIALS: {
    title: { es: 'Credenciales no válidas', en: 'Invalid credentials' },
    detail: {
      es: 'El correo o la contraseña no son correctos.',
      en: 'The email or the password is not correct.',
    },
  },
  INVALID_CHALLENGE: {
    title: { es: 'Desafío no válido', en: 'Invalid challenge' },
    detail: {
      es: 'El desafío de verificación no es válido o expiró. Inicie sesión de nuevo.',
      en: 'The verification challenge is invalid or expired. Sign in again.',
    },
  },
  INVALID_ACTIVATION_TOKEN: {
    title: { es: 'Enlace de activación no válido', en: 'Invalid activation token' },
    detail: {
      es: 'El token de activación no es válido, ya se usó o expiró. Pida uno nuevo a su administrador.',
      en: 'The activation token is invalid, already used or expired. Ask your administrator for a new one.',
    },
  },
  WRONG_CURRENT_PASSWORD: {
    title: { es: 'Contraseña actual incorrecta', en: 'Wrong current password' },
    detail: {
      es: 'La contraseña actual no es correcta.',
      en: 'The current password is not correct.',
    },
  },
});

/** The current password given to confirm a change to one's own credentials is not theirs. */
export const wrongCurrentPassword = () =>
  new DomainError('WRONG_CURRENT_PASSWORD', 'invalid', {
    fieldErrors: [
      {
        field: 'currentPassword',
        code: 'WRONG_CURRENT_PASSWORD',
        message: { es: 'No es la contraseña actual.', en: 'This is not the current password.' },
      },
    ],
  });
