import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { DomainError } from '@amparo/core';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { Request } from 'express';
import { requestValidationError } from '../http/request-validation.pipe';
import { LoginRequest } from './login.request';

/**
 * Runs passport-local on /auth/login. The body is validated first (guards run before pipes), so a
 * malformed body is a 400 with field errors, not a failed sign-in.
 */
@Injectable()
export class LoginGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const body = plainToInstance(LoginRequest, req.body ?? {});
    const errors = await validate(body, {
      whitelist: true,
      forbidNonWhitelisted: true,
      validationError: { target: true, value: false },
    });
    if (errors.length) throw requestValidationError(errors);
    return (await super.canActivate(context)) as boolean;
  }

  override handleRequest<T>(error: unknown, user: T): T {
    if (error) throw error;
    if (!user) throw new DomainError('INVALID_CREDENTIALS', 'unauthenticated');
    return user;
  }
}
