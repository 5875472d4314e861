import { SessionTokens } from '../sessions/session-tokens';

/** A second factor is due: present the challenge to /auth/mfa/verify (or enrol first). */
export interface MfaChallenge {
  mfaRequired?: true;
  mfaEnrolmentRequired?: true;
  challengeType: 'mfa_verify' | 'mfa_enrol';
  challengeToken: string;
  expiresIn: number;
}

export type LoginResult = SessionTokens | MfaChallenge;
