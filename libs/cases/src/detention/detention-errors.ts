import { registerErrorTexts } from '@amparo/core';

registerErrorTexts({
  DETENTION_NOT_FOUND: {
    title: { es: 'Detención no encontrada', en: 'Detention not found' },
    detail: {
      es: 'Este caso no tiene ninguna detención con ese identificador.',
      en: 'This case has no detention with that id.',
    },
  },
  DETENTION_OPEN: {
    title: { es: 'Detención ya registrada', en: 'Detention already recorded' },
    detail: {
      es: 'Esta persona ya tiene una detención abierta en el caso: actualícela o registre antes su liberación.',
      en: 'This person already has an open detention on the case: update it, or record the release first.',
    },
  },
  DETENTION_RELEASED: {
    title: { es: 'Detención terminada', en: 'Detention ended' },
    detail: {
      es: 'La persona ya fue liberada: esta detención no se modifica.',
      en: 'The person was released: this detention no longer changes.',
    },
  },
});
