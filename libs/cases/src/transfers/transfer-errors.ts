import { FieldError, registerErrorTexts } from '@amparo/core';

registerErrorTexts({
  TRANSFER_NOT_FOUND: {
    title: { es: 'Traslado no encontrado', en: 'Transfer not found' },
    detail: {
      es: 'No existe ningún traslado con ese identificador.',
      en: 'No transfer has that id.',
    },
  },
  TRANSFER_PENDING: {
    title: { es: 'Traslado en curso', en: 'Transfer pending' },
    detail: {
      es: 'El caso ya tiene una propuesta de traslado pendiente; espere la decisión o retírela primero.',
      en: 'The case already has a pending transfer proposal; wait for the decision or cancel it first.',
    },
  },
  TRANSFER_DECIDED: {
    title: { es: 'Traslado ya decidido', en: 'Transfer already decided' },
    detail: {
      es: 'Este traslado ya fue aceptado, rechazado o retirado.',
      en: 'This transfer was already accepted, rejected or cancelled.',
    },
  },
  TRANSFER_CASE_CLOSED: {
    title: { es: 'Caso cerrado', en: 'Case closed' },
    detail: {
      es: 'Un caso cerrado no se traslada; reábralo primero.',
      en: 'A closed case is not transferred; reopen it first.',
    },
  },
  TRANSFER_DECISION_FORBIDDEN: {
    title: { es: 'Decisión reservada', en: 'Decision reserved' },
    detail: {
      es: 'Solo el cónsul de la sede que recibe o un supervisor del país puede aceptar o rechazar un traslado.',
      en: 'Only the consul of the receiving post or a supervisor of the country can accept or reject a transfer.',
    },
  },
  TRANSFER_CANCEL_FORBIDDEN: {
    title: { es: 'Retiro reservado', en: 'Cancellation reserved' },
    detail: {
      es: 'Solo quien propuso el traslado, el cónsul de la sede que lo envía o un supervisor del país puede retirarlo.',
      en: 'Only who proposed the transfer, the consul of the sending post or a supervisor of the country can cancel it.',
    },
  },
  TRANSFER_POST_INACTIVE: {
    title: { es: 'Sede inactiva', en: 'Inactive post' },
    detail: {
      es: 'La sede que recibe el traslado fue desactivada y no recibe casos.',
      en: 'The receiving post was deactivated and takes no cases.',
    },
  },
});

const problem = (field: string, code: string, es: string, en: string): FieldError => ({
  field,
  code,
  message: { es, en },
});

/** Why a post cannot receive the case, as the field error of `toConsulateId`. */
export const targetProblems = {
  unknown: () =>
    problem(
      'toConsulateId',
      'UNKNOWN_CONSULATE',
      'No existe ninguna sede con ese identificador.',
      'No post has that id.',
    ),
  otherCountry: () =>
    problem(
      'toConsulateId',
      'CONSULATE_OF_ANOTHER_COUNTRY',
      'Un caso solo se traslada a otra sede del mismo país; para otro país, use una canalización.',
      'A case is only transferred to another post of the same country; for another country, use a referral.',
    ),
  samePost: () =>
    problem(
      'toConsulateId',
      'SAME_CONSULATE',
      'El caso ya pertenece a esta sede.',
      'The case already belongs to this post.',
    ),
  inactive: () =>
    problem(
      'toConsulateId',
      'CONSULATE_INACTIVE',
      'La sede está desactivada y no recibe casos.',
      'The post is deactivated and takes no cases.',
    ),
};

export const assigneeProblem = (): FieldError =>
  problem(
    'assignedOfficerId',
    'OFFICER_NOT_AT_POST',
    'Debe ser un funcionario o cónsul activo de la sede que recibe el caso.',
    'Must be an active officer or consul of the post receiving the case.',
  );
