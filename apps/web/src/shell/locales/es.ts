/** Spanish, the default language: every text of the app, by key. */
export const es = {
  app: { name: 'Amparo', tagline: 'Registro de protección consular' },
  language: { label: 'Idioma', es: 'Español', en: 'English' },
  errorSummary: { title: 'Hay un problema' },
  signIn: {
    title: 'Iniciar sesión',
    email: 'Correo electrónico',
    password: 'Contraseña',
    submit: 'Iniciar sesión',
    emailRequired: 'Escriba su correo electrónico',
    passwordRequired: 'Escriba su contraseña',
    codeTitle: 'Verificación en dos pasos',
    codeHint: 'Escriba el código de seis dígitos de su aplicación de autenticación.',
    code: 'Código de verificación',
    codeInvalid: 'El código tiene seis dígitos',
    verify: 'Verificar',
    enrolTitle: 'Active la verificación en dos pasos',
    enrolHint:
      'Su cuenta la exige. Añada esta clave a su aplicación de autenticación (por ejemplo, con el enlace otpauth) y escriba el primer código que muestre.',
    secret: 'Clave secreta',
    otpauthUri: 'Enlace para la aplicación',
    recoveryTitle: 'Guarde sus códigos de recuperación',
    recoveryHint:
      'Cada uno sirve una vez si pierde su aplicación de autenticación. No se volverán a mostrar.',
    continue: 'Continuar',
    startOver: 'Volver a empezar',
    networkError:
      'No se pudo contactar con el servidor. Compruebe su conexión e inténtelo de nuevo.',
  },
  home: {
    title: 'Su cuenta',
    signedInAs: 'Sesión iniciada como {{name}}',
    email: 'Correo electrónico',
    roles: 'Funciones',
    noRoles: 'Sin funciones asignadas',
    signOut: 'Cerrar sesión',
    loading: 'Cargando…',
  },
  roles: {
    officer: 'Funcionario consular',
    consul: 'Cónsul',
    supervisor: 'Supervisor',
    analyst: 'Analista',
    admin: 'Administrador',
    system_admin: 'Administrador del sistema',
  },
  grantScope: { consulate: 'consulado {{id}}', country: 'país {{code}}', global: 'toda la red' },
  nav: {
    label: 'Menú principal',
    skipToContent: 'Saltar al contenido',
    account: 'Su cuenta',
    directory: 'Directorio',
    users: 'Usuarios',
    audit: 'Auditoría',
  },
  problem: { network: 'No se pudo contactar al servidor. Revise su conexión e intente de nuevo.' },
  notFound: { title: 'Página no encontrada', back: 'Ir al inicio' },
};

export type Messages = typeof es;
