import type { Messages } from './es';

/** English: the same keys as Spanish (the type says when one is missing). */
export const en: Messages = {
  app: { name: 'Amparo', tagline: 'Consular protection registry' },
  language: { label: 'Language', es: 'Español', en: 'English' },
  errorSummary: { title: 'There is a problem' },
  signIn: {
    title: 'Sign in',
    email: 'Email address',
    password: 'Password',
    submit: 'Sign in',
    emailRequired: 'Enter your email address',
    passwordRequired: 'Enter your password',
    codeTitle: 'Two-step verification',
    codeHint: 'Enter the six-digit code from your authenticator app.',
    code: 'Verification code',
    codeInvalid: 'The code has six digits',
    verify: 'Verify',
    enrolTitle: 'Turn on two-step verification',
    enrolHint:
      'Your account requires it. Scan this QR code with your authenticator app (or type the key, or open the link) and enter the first code it shows.',
    qrCode: 'QR code for the authenticator app (the same key and link as text below)',
    secret: 'Secret key',
    otpauthUri: 'Link for the app',
    recoveryTitle: 'Keep your recovery codes',
    recoveryHint:
      'Each works once if you lose your authenticator app. They will not be shown again.',
    continue: 'Continue',
    startOver: 'Start over',
    networkError: 'The server could not be reached. Check your connection and try again.',
  },
  home: {
    title: 'Your account',
    signedInAs: 'Signed in as {{name}}',
    email: 'Email address',
    roles: 'Roles',
    noRoles: 'No roles granted',
    signOut: 'Sign out',
    loading: 'Loading…',
  },
  roles: {
    officer: 'Consular officer',
    consul: 'Consul',
    supervisor: 'Supervisor',
    analyst: 'Analyst',
    admin: 'Administrator',
    system_admin: 'System administrator',
  },
  grantScope: {
    consulate: 'consulate {{id}}',
    country: 'country {{code}}',
    global: 'whole network',
  },
  notFound: { title: 'Page not found', back: 'Go to the start' },
  session: {
    restoring: 'Restoring your session…',
    idleTitle: 'Are you still there?',
    idleText:
      'For your security, you will be signed out at {{time}} unless there is activity. Anything on screen will be lost.',
    stay: 'Stay signed in',
    signOut: 'Sign out',
    idleSignedOut: 'You were signed out after 30 minutes without activity. Sign in again.',
  },
  service: {
    unavailableTitle: 'The service is unavailable right now',
    unavailableText:
      'Your work on this page is kept and you are still signed in. We will try again in {{seconds}} seconds.',
  },
  activate: {
    title: 'Choose your password',
    hint: 'This password is for your Amparo account. You will sign in with it next.',
    rulesTitle: 'The password must',
    ruleLength: 'be 12 to 128 characters long (a phrase of several words works)',
    ruleCommon: 'not be a common or easily guessed password',
    ruleAnyCharacters: 'may have any characters: no capitals, digits or symbols are required',
    password: 'New password',
    confirm: 'Repeat the new password',
    submit: 'Save password',
    passwordRequired: 'Enter a password',
    passwordTooShort: 'The password must be at least 12 characters long',
    passwordTooLong: 'The password must be at most 128 characters long',
    confirmRequired: 'Repeat the password',
    mismatch: 'The two passwords do not match',
    noToken:
      'This activation link is incomplete. Use the whole link your administrator gave you, or ask them for a new one.',
    done: 'Password saved. Sign in with it.',
  },
};
