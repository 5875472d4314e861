import { Module } from '@nestjs/common';
import { QueueDashboardSessionController } from './queue-dashboard-session.controller';

/** Operator tools: the queue dashboard's session (the dashboard itself is mounted on Express). */
@Module({
  controllers: [QueueDashboardSessionController],
})
export class AdminHttpModule {}
