import { Module } from '@nestjs/common';
import { IdentityModule } from '@amparo/identity';
import { AuditEventsController } from './audit-events.controller';
import { AuthController } from './auth.controller';
import { MeController } from './me.controller';
import { UsersController } from './users.controller';

@Module({
  imports: [IdentityModule],
  controllers: [AuthController, UsersController, MeController, AuditEventsController],
})
export class IdentityHttpModule {}
