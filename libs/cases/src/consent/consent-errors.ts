import { registerErrorTexts } from '@amparo/core';

registerErrorTexts({
  CONSENT_NOT_FOUND: {
    title: { es: 'Consentimiento no encontrado', en: 'Consent not found' },
    detail: {
      es: 'Este caso no tiene ningún consentimiento con ese identificador.',
      en: 'This case has no consent with that id.',
    },
  },
  CONSENT_NOT_CURRENT: {
    title: { es: 'Consentimiento no vigente', en: 'Consent not current' },
    detail: {
      es: 'Este consentimiento ya fue reemplazado o retirado.',
      en: 'This consent was already replaced or withdrawn.',
    },
  },
  CONSENT_REQUIRED: {
    title: { es: 'Falta el consentimiento', en: 'Consent missing' },
    detail: {
      es: 'La persona no ha consentido esta divulgación. Registre su consentimiento, reduzca los datos enviados o, si es cónsul, justifique una excepción.',
      en: 'The person has not consented to this disclosure. Record their consent, send fewer fields or, as a consul, give a reason to override.',
    },
  },
  CONSENT_OVERRIDE_NOT_ALLOWED: {
    title: { es: 'Excepción no permitida', en: 'Override not allowed' },
    detail: {
      es: 'Solo el cónsul de la oficina del caso puede divulgar sin consentimiento, con un motivo.',
      en: "Only the consul of the case's post may disclose without consent, with a reason.",
    },
  },
  ASYLUM_SAFEGUARD: {
    title: { es: 'Salvaguarda de asilo', en: 'Asylum safeguard' },
    detail: {
      es: 'Esta persona busca protección internacional: nada puede llegar a las autoridades de su propio país sin su consentimiento explícito registrado. Ninguna excepción lo permite.',
      en: 'This person seeks international protection: nothing may reach the authorities of their own country without their explicit recorded consent. No override allows it.',
    },
  },
  CONSENT_OVERRIDE_NOT_FOUND: {
    title: { es: 'Excepción no encontrada', en: 'Override not found' },
    detail: {
      es: 'No existe ninguna excepción de consentimiento con ese identificador.',
      en: 'No consent override has that id.',
    },
  },
  CONSENT_OVERRIDE_REVIEWED: {
    title: { es: 'Excepción ya revisada', en: 'Override already reviewed' },
    detail: {
      es: 'Esta excepción de consentimiento ya fue revisada.',
      en: 'This consent override was already reviewed.',
    },
  },
  CONSENT_OVERRIDE_OWN: {
    title: { es: 'Revisión por otra persona', en: 'Reviewed by someone else' },
    detail: {
      es: 'Una excepción la revisa otro cónsul de la oficina o un supervisor, no quien la decidió.',
      en: 'An override is reviewed by another consul of the post or a supervisor, not by who made it.',
    },
  },
});
