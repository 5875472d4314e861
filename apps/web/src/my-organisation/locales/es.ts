/** The texts of an organisation focal point's screens in Spanish, the source of `myOrganisation`. */
export const es = {
  title: 'Mi organización',
  intro:
    'Así aparece su organización en el directorio de la red consular. El personal consular lo consulta para derivar a las personas que atiende: mantenga al día sus servicios, su cobertura y sus datos de contacto.',
  adminOnly:
    'El estado de la organización y el país que administra su registro solo los cambia la administración del directorio.',
  inactiveNotice:
    'Su organización está inactiva: no se ofrece para nuevas derivaciones. Para reactivarla, contacte con la administración del directorio.',
  edit: 'Actualizar los datos',
  editTitle: 'Actualizar los datos de {{name}}',
  saved: 'Se guardaron los cambios.',
};

export type MyOrganisationMessages = typeof es;
