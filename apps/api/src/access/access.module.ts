import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { IdentityModule } from '@amparo/identity';
import { JwtStrategy } from '../auth/jwt.strategy';
import { LocalStrategy } from '../auth/local.strategy';
import { AccessGuard } from './access.guard';

/**
 * How a request proves who it acts for (the passport strategies, calling identity's services) and
 * what it may do (the global access guard every route goes through).
 */
@Module({
  imports: [PassportModule, IdentityModule],
  providers: [JwtStrategy, LocalStrategy, AccessGuard],
  exports: [AccessGuard],
})
export class AccessModule {}
