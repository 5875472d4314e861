import { registerErrorTexts } from '@amparo/core';

registerErrorTexts({
  CRISIS_MOVEMENT_NOT_FOUND: {
    title: { es: 'Traslado no encontrado', en: 'Movement not found' },
    detail: {
      es: 'Este evento no tiene ningún traslado con ese identificador.',
      en: 'This event has no movement with that id.',
    },
  },
  CRISIS_PASSENGER_NOT_FOUND: {
    title: { es: 'Pasajero no encontrado', en: 'Passenger not found' },
    detail: {
      es: 'Esa persona no figura en este traslado.',
      en: 'That person is not on this movement.',
    },
  },
});
