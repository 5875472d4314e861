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
      'Su cuenta la exige. Escanee este código QR con su aplicación de autenticación (o escriba la clave, o abra el enlace) y escriba el primer código que muestre.',
    qrCode:
      'Código QR para la aplicación de autenticación (la misma clave y el mismo enlace, en texto, debajo)',
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
    menu: 'Menú',
    skipToContent: 'Saltar al contenido',
    queue: 'Bandeja de trabajo',
    dashboard: 'Panel de supervisión',
    cases: 'Casos',
    assistance: 'Asistencia mutua',
    statistics: 'Estadísticas',
    exports: 'Exportaciones',
    directory: 'Directorio',
    users: 'Usuarios',
    audit: 'Auditoría',
    account: 'Su cuenta',
  },
  problem: { network: 'No se pudo contactar al servidor. Revise su conexión e intente de nuevo.' },
  notFound: { title: 'Página no encontrada', back: 'Ir al inicio' },
  session: {
    restoring: 'Recuperando su sesión…',
    idleTitle: '¿Sigue ahí?',
    idleText:
      'Por seguridad, su sesión se cerrará a las {{time}} si no hay actividad. Lo que tenga en pantalla se perderá.',
    stay: 'Seguir conectado',
    signOut: 'Cerrar sesión',
    idleSignedOut: 'Se cerró su sesión tras 30 minutos sin actividad. Inicie sesión de nuevo.',
  },
  service: {
    unavailableTitle: 'El servicio no está disponible en este momento',
    unavailableText:
      'Su trabajo en esta página se conserva y su sesión sigue abierta. Volveremos a intentarlo en {{seconds}} segundos.',
  },
  activate: {
    title: 'Elija su contraseña',
    hint: 'Esta contraseña es para su cuenta en Amparo. Después iniciará sesión con ella.',
    rulesTitle: 'La contraseña debe',
    ruleLength: 'tener entre 12 y 128 caracteres (una frase de varias palabras sirve)',
    ruleCommon: 'no ser una contraseña común ni fácil de adivinar',
    ruleAnyCharacters:
      'puede tener cualquier carácter: no se exigen mayúsculas, números ni símbolos',
    password: 'Nueva contraseña',
    confirm: 'Repita la nueva contraseña',
    submit: 'Guardar contraseña',
    passwordRequired: 'Escriba una contraseña',
    passwordTooShort: 'La contraseña debe tener al menos 12 caracteres',
    passwordTooLong: 'La contraseña debe tener como máximo 128 caracteres',
    confirmRequired: 'Repita la contraseña',
    mismatch: 'Las dos contraseñas no coinciden',
    noToken:
      'Este enlace de activación está incompleto. Use el enlace completo que le dio su administrador o pídale uno nuevo.',
    done: 'Contraseña guardada. Inicie sesión con ella.',
  },
};

export type Messages = typeof es;
