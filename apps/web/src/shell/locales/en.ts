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
      'Your account requires it. Add this key to your authenticator app (for example with the otpauth link) and enter the first code it shows.',
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
  nav: {
    label: 'Main menu',
    skipToContent: 'Skip to content',
    account: 'Your account',
    directory: 'Directory',
    users: 'Users',
    audit: 'Audit',
  },
  problem: { network: 'The server could not be reached. Check your connection and try again.' },
  notFound: { title: 'Page not found', back: 'Go to the start' },
};
