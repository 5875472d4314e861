import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../errors/domain-error';
import { ACCESS_METADATA, AccessDeclaration } from './access.decorators';

/** Deny by default: a route that declares nothing is refused and logged as a bug. */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const declaration = this.reflector.getAllAndOverride<AccessDeclaration | undefined>(
      ACCESS_METADATA,
      [context.getHandler(), context.getClass()],
    );
    if (declaration?.kind === 'public') return true;
    this.logger.error(
      { route: `${context.getClass().name}.${context.getHandler().name}` },
      'Route declares no access rule; refused',
    );
    throw new DomainError('FORBIDDEN', 'forbidden');
  }
}
