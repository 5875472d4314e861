import { registerErrorTexts } from '@amparo/core';

registerErrorTexts({
  USER_NOT_FOUND: {
    title: { es: 'Usuario no encontrado', en: 'User not found' },
    detail: { es: 'No existe ningún usuario con ese identificador.', en: 'No user has that id.' },
  },
  EMAIL_TAKEN: {
    title: { es: 'Correo ya registrado', en: 'Email already registered' },
    detail: {
      es: 'Ya existe un usuario con ese correo electrónico.',
      en: 'A user with that email address already exists.',
    },
  },
  GRANT_NOT_ALLOWED: {
    title: { es: 'Rol no permitido', en: 'Role not allowed' },
    detail: {
      es: 'No puede otorgar uno o más de los roles pedidos; vea la lista de errores.',
      en: 'You cannot grant one or more of the requested roles; see the list of errors.',
    },
  },
  CANNOT_CHANGE_OWN_ACCOUNT: {
    title: { es: 'Operación sobre la propia cuenta', en: 'Operation on your own account' },
    detail: {
      es: 'No puede desactivar ni reactivar su propia cuenta, cambiar sus propios roles ni restablecer su propia contraseña aquí.',
      en: 'You cannot disable or enable your own account, change your own roles or reset your own password here.',
    },
  },
  USER_ACTION_NOT_ALLOWED: {
    title: { es: 'Operación no permitida', en: 'Operation not allowed' },
    detail: {
      es: 'Solo un administrador del sistema puede cambiar la cuenta de un usuario con roles que usted no puede otorgar, como otro administrador.',
      en: 'Only a system administrator can change the account of a user holding roles you cannot grant, such as another administrator.',
    },
  },
});

registerErrorTexts({
  CANNOT_RESET_OWN_MFA: {
    title: {
      es: 'No puede restablecer su propia verificación',
      en: 'You cannot reset your own verification',
    },
    detail: {
      es: 'Otro administrador debe restablecer su verificación en dos pasos.',
      en: 'Another administrator must reset your two-step verification.',
    },
  },
  MFA_RESET_NOT_ALLOWED: {
    title: { es: 'Restablecimiento no permitido', en: 'Reset not allowed' },
    detail: {
      es: 'Solo un administrador del sistema puede restablecer la verificación en dos pasos de un usuario con roles que usted no puede otorgar.',
      en: 'Only a system administrator can reset the two-step verification of a user holding roles you cannot grant.',
    },
  },
});
