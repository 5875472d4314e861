import { MFA_REQUIRED_ROLES } from '@amparo/identity';

export interface DemoCredential {
  email: string;
  password: string;
  /** Roles with their scope, e.g. `officer MX-LAX`, `supervisor MX`, `system_admin`. */
  roles: string[];
}

/** The command that gives the demo users new passwords when the printed ones are lost. */
export const DEMO_RESET_COMMAND = 'npm run demo:reset-passwords';

/**
 * The demo users' passwords as one plain-text box (not a JSON log line), so that a newcomer finds
 * them at a glance at the end of the start-up output.
 */
export function frameDemoCredentials(credentials: DemoCredential[], heading: string): string {
  const emailWidth = Math.max(...credentials.map((c) => c.email.length));
  const passwordWidth = Math.max(...credentials.map((c) => c.password.length));
  return frame([
    heading,
    'Passwords shown only this once / Contraseñas mostradas solo esta vez:',
    '',
    ...credentials.map(
      (c) =>
        `  ${c.email.padEnd(emailWidth)}  ${c.password.padEnd(passwordWidth)}  ${c.roles.join(', ')}`,
    ),
    '',
    `${MFA_REQUIRED_ROLES.join(', ')}: MFA enrolment at first sign-in / registro de MFA al entrar.`,
    `Lost them? Stop the API, then / ¿Las perdió? Detenga la API y ejecute: ${DEMO_RESET_COMMAND}`,
  ]);
}

function frame(lines: string[]): string {
  const width = Math.max(...lines.map((line) => line.length));
  const border = `  +${'-'.repeat(width + 2)}+`;
  return ['', border, ...lines.map((line) => `  | ${line.padEnd(width)} |`), border, ''].join('\n');
}
