import { registerErrorTexts } from '@amparo/core';

registerErrorTexts({
  REFERRAL_NOT_FOUND: {
    title: { es: 'Canalización no encontrada', en: 'Referral not found' },
    detail: {
      es: 'No existe ninguna canalización con ese identificador a su alcance.',
      en: 'No referral within your reach has that id.',
    },
  },
  REFERRAL_NOT_PENDING: {
    title: { es: 'La canalización ya fue respondida', en: 'Referral already answered' },
    detail: {
      es: 'Solo se registra la respuesta de la organización a una canalización pendiente.',
      en: "The organisation's answer is recorded only on a pending referral.",
    },
  },
  REFERRAL_NOT_ACCEPTED: {
    title: { es: 'Canalización no aceptada', en: 'Referral not accepted' },
    detail: {
      es: 'Solo se concluye una canalización que la organización aceptó.',
      en: 'Only a referral the organisation accepted can be completed.',
    },
  },
  REFERRAL_NOT_REVOCABLE: {
    title: { es: 'Canalización no revocable', en: 'Referral cannot be revoked' },
    detail: {
      es: 'Solo se revoca una canalización pendiente o aceptada.',
      en: 'Only a pending or accepted referral can be revoked.',
    },
  },
  REFERRAL_REVOKED: {
    title: { es: 'Canalización revocada', en: 'Referral revoked' },
    detail: {
      es: 'Esta canalización fue revocada: ya no se emite su oficio.',
      en: 'This referral was revoked: its letter is no longer issued.',
    },
  },
});
