import { Module } from '@nestjs/common';
import { ScopeService } from './scope.service';

/**
 * The caller's scope alone, for modules that read a caller's grants without signing anyone in: the
 * worker's statistics have no sign-in secrets, so they cannot import the whole identity module.
 */
@Module({ providers: [ScopeService], exports: [ScopeService] })
export class ScopeModule {}
