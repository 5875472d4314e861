import { registerErrorTexts } from '@amparo/core';

registerErrorTexts({
  RETURN_MOVEMENT_NOT_FOUND: {
    title: { es: 'Movimiento de retorno no encontrado', en: 'Return movement not found' },
    detail: {
      es: 'No existe ningún movimiento de retorno con ese identificador a su alcance.',
      en: 'No return movement within your reach has that id.',
    },
  },
  RETURN_NOT_PLANNED: {
    title: { es: 'El retorno ya no está planificado', en: 'Return no longer planned' },
    detail: {
      es: 'Los datos, los casos y los acompañantes de un retorno solo cambian antes de la salida ({status}).',
      en: "A return's details, cases and escorts change only before departure ({status}).",
    },
  },
  RETURN_NOT_IN_TRANSIT: {
    title: { es: 'El retorno no está en tránsito', en: 'Return not in transit' },
    detail: {
      es: 'Las entregas y la llegada se registran después de la salida y antes de concluir ({status}).',
      en: 'Handovers and arrival are recorded after departure and before completion ({status}).',
    },
  },
  RETURN_WITHOUT_CASES: {
    title: { es: 'Retorno sin casos', en: 'Return without cases' },
    detail: {
      es: 'Agregue al menos un caso con sus personas antes de la salida.',
      en: 'Add at least one case with its persons before departure.',
    },
  },
  RETURN_ESCORT_REQUIRED: {
    title: { es: 'Falta un acompañante', en: 'Escort required' },
    detail: {
      es: 'Un retorno acompañado de niñas, niños o adolescentes no sale sin al menos un acompañante identificado por su nombre.',
      en: 'An accompanied child return does not leave without at least one escort named.',
    },
  },
  RETURN_HANDOVER_REQUIRED: {
    title: { es: 'Falta la entrega', en: 'Handover required' },
    detail: {
      es: 'Registre la entrega de cada niña, niño o adolescente a la autoridad de protección de la niñez antes de concluir el retorno ({missing} pendiente(s)).',
      en: 'Record the handover of each child to the child-protection authority before completing the return ({missing} missing).',
    },
  },
  CASE_ALREADY_ON_RETURN: {
    title: { es: 'El caso ya está en un retorno', en: 'Case already on a return' },
    detail: {
      es: 'Un caso va en un solo movimiento de retorno no cancelado a la vez.',
      en: 'A case is on one non-cancelled return movement at a time.',
    },
  },
  RETURN_CASE_NOT_FOUND: {
    title: { es: 'Caso no incluido', en: 'Case not on the movement' },
    detail: {
      es: 'Ese caso no va en este movimiento de retorno.',
      en: 'That case is not on this return movement.',
    },
  },
  RETURN_ESCORT_NOT_FOUND: {
    title: { es: 'Acompañante no encontrado', en: 'Escort not found' },
    detail: {
      es: 'Ese acompañante no figura en este movimiento de retorno.',
      en: 'That escort is not on this return movement.',
    },
  },
  RETURN_HANDOVER_EXISTS: {
    title: { es: 'Entrega ya registrada', en: 'Handover already recorded' },
    detail: {
      es: 'La entrega de esta persona ya fue registrada en este movimiento.',
      en: "This person's handover is already recorded on this movement.",
    },
  },
});
