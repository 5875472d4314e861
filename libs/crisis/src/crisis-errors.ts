import { registerErrorTexts } from '@amparo/core';

registerErrorTexts({
  CRISIS_EVENT_NOT_FOUND: {
    title: { es: 'Evento de crisis no encontrado', en: 'Crisis event not found' },
    detail: {
      es: 'Ninguno de los eventos de crisis de sus sedes o de su país tiene ese identificador.',
      en: 'None of the crisis events of your posts or your country has that id.',
    },
  },
  CRISIS_ENTRY_NOT_FOUND: {
    title: { es: 'Persona no encontrada', en: 'Person not found' },
    detail: {
      es: 'La lista de afectados de este evento no tiene ninguna persona con ese identificador.',
      en: 'The roster of this event has no person with that id.',
    },
  },
  CRISIS_NOT_RESPONDING_POST: {
    title: { es: 'No le corresponde', en: 'Not yours to do' },
    detail: {
      es: 'Solo el cónsul de una de las sedes que atienden el evento, o un supervisor de su país, puede hacerlo.',
      en: 'Only a consul of one of the posts responding to the event, or a supervisor of its country, may do this.',
    },
  },
  CRISIS_INVALID_TRANSITION: {
    title: { es: 'Cambio de estado no permitido', en: 'Status change not allowed' },
    detail: {
      es: 'Un evento pasa de activo a en cierre, y se cierra solo con la desmovilización. No puede pasar de «{from}» a «{to}».',
      en: 'An event goes from active to winding down, and closes only through demobilisation. It cannot go from "{from}" to "{to}".',
    },
  },
  CRISIS_EVENT_CLOSED: {
    title: { es: 'Evento cerrado', en: 'Event closed' },
    detail: {
      es: 'El evento está cerrado: su lista de afectados ya no cambia.',
      en: 'The event is closed: its roster no longer changes.',
    },
  },
  CRISIS_EVENT_CHANGED: {
    title: { es: 'El evento cambió', en: 'The event has changed' },
    detail: {
      es: 'Otra persona modificó el evento después de que usted lo leyó. Vuelva a leerlo y repita el cambio.',
      en: 'Someone changed the event after you read it. Read it again and repeat your change.',
    },
  },
});

registerErrorTexts({
  CRISIS_NO_OFFICER_AT_POST: {
    title: { es: 'Sede sin funcionarios', en: 'Post without officers' },
    detail: {
      es: 'Una de las sedes que atienden el evento no tiene funcionarios activos a quienes asignar los casos.',
      en: 'One of the posts responding to the event has no active officer to assign the cases to.',
    },
  },
});
