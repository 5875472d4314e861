import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Request } from 'express';
import { Strategy } from 'passport-local';
import { AuthService, UserWithGrants } from '@amparo/identity';

/** Email and password, checked with throttling and the same answer for every kind of failure. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  validate(req: Request, email: string, password: string): Promise<UserWithGrants> {
    return this.auth.verifyCredentials(email, password, req.ip);
  }
}
