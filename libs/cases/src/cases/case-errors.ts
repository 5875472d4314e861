import { DomainError, FieldError, registerErrorTexts } from '@amparo/core';

registerErrorTexts({
  CASE_NOT_FOUND: {
    title: { es: 'Caso no encontrado', en: 'Case not found' },
    detail: { es: 'No existe ningún caso con ese identificador.', en: 'No case has that id.' },
  },
  CASE_RESTRICTED: {
    title: { es: 'Caso restringido', en: 'Restricted case' },
    detail: {
      es: 'Solo el funcionario asignado y el cónsul de la sede pueden leerlo. Puede solicitar acceso de emergencia con un motivo.',
      en: 'Only the assigned officer and the consul of the post can read it. You can request emergency access with a reason.',
    },
  },
  NOT_YOUR_POST: {
    title: { es: 'Sede ajena', en: 'Not your post' },
    detail: {
      es: 'Solo puede registrar y trabajar casos de las sedes donde tiene un rol de funcionario o cónsul.',
      en: 'You can only register and work cases of the posts where you are an officer or consul.',
    },
  },
  CONSULATE_INACTIVE: {
    title: { es: 'Sede inactiva', en: 'Inactive post' },
    detail: {
      es: 'La sede está desactivada y no recibe casos nuevos.',
      en: 'The post is deactivated and takes no new cases.',
    },
  },
  VERSION_CONFLICT: {
    title: { es: 'El caso cambió', en: 'The case has changed' },
    detail: {
      es: 'Otra persona modificó el caso después de que usted lo leyó. Vuelva a leerlo y repita el cambio.',
      en: 'Someone changed the case after you read it. Read it again and repeat your change.',
    },
  },
  RESTRICTION_NEEDS_CONSUL: {
    title: { es: 'Restricción reservada al cónsul', en: 'Restriction reserved to the consul' },
    detail: {
      es: 'Solo el cónsul de la sede puede levantar la restricción de un caso.',
      en: 'Only the consul of the post can lift the restriction of a case.',
    },
  },
  CASE_CLOSED: {
    title: { es: 'Caso cerrado', en: 'Case closed' },
    detail: {
      es: 'Un caso cerrado no admite actuaciones; reábralo primero.',
      en: 'A closed case takes no actions; reopen it first.',
    },
  },
  ACTION_NOT_FOUND: {
    title: { es: 'Actuación no encontrada', en: 'Action not found' },
    detail: {
      es: 'Este caso no tiene ninguna actuación con ese identificador.',
      en: 'This case has no action with that id.',
    },
  },
  OFFICER_NOT_AT_POST: {
    title: { es: 'Funcionario de otra sede', en: 'Officer of another post' },
    detail: {
      es: 'Solo se puede asignar a un funcionario o cónsul activo de la sede del caso.',
      en: 'Only an active officer or consul of the case’s post can be assigned.',
    },
  },
});

/** A 400 naming each field that is wrong. */
export const invalidFields = (fieldErrors: FieldError[]) =>
  new DomainError('VALIDATION_FAILED', 'invalid', { fieldErrors });
