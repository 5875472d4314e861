import { registerErrorTexts } from '@amparo/core';

registerErrorTexts({
  CONSULATE_NOT_FOUND: {
    title: { es: 'Consulado no encontrado', en: 'Consulate not found' },
    detail: {
      es: 'No existe ningún consulado con ese identificador.',
      en: 'No consulate has that id.',
    },
  },
  POST_CODE_TAKEN: {
    title: { es: 'Código de sede en uso', en: 'Post code in use' },
    detail: {
      es: 'Ya existe un consulado de ese país con el código {postCode}.',
      en: 'That country already has a consulate with post code {postCode}.',
    },
  },
  OFFICIAL_NOT_FOUND: {
    title: { es: 'Funcionario no encontrado', en: 'Official not found' },
    detail: {
      es: 'No existe ningún funcionario con ese identificador.',
      en: 'No official has that id.',
    },
  },
  ORGANISATION_NOT_FOUND: {
    title: { es: 'Organización no encontrada', en: 'Organisation not found' },
    detail: {
      es: 'No existe ninguna organización con ese identificador.',
      en: 'No organisation has that id.',
    },
  },
  COUNTRY_NOT_FOUND: {
    title: { es: 'País no encontrado', en: 'Country not found' },
    detail: {
      es: 'No existe ningún país ISO 3166-1 con ese código.',
      en: 'No ISO 3166-1 country has that code.',
    },
  },
  OUTSIDE_YOUR_COUNTRY: {
    title: { es: 'Fuera de su ámbito', en: 'Outside your scope' },
    detail: {
      es: 'Solo puede administrar registros de su propio país.',
      en: 'You can only manage records of your own country.',
    },
  },
});
