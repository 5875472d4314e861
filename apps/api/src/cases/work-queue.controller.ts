import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WorkQueue, WorkQueueService } from '@amparo/cases';
import { Caller, RequirePermission } from '@amparo/identity';
import { CurrentCaller } from '../access/current-caller.decorator';
import { WorkQueueResponse } from './work-queue.responses';

@ApiTags('cases')
@Controller('work-queue')
export class WorkQueueController {
  constructor(private readonly queue: WorkQueueService) {}

  @Get()
  @RequirePermission('cases:read')
  @ApiOperation({
    summary: 'Your work queue: how many cases wait in each tab, and the case list filter of each',
    description:
      'For officers, consuls and supervisors. Tabs: mine (open, in progress or reopened cases assigned to you), next_steps (next step due within 7 days or overdue, not closed), waiting, closure_requests (consuls) access_requests (break-the-glass accesses awaiting your review, consuls) and closure_approvals (supervisors: closure requests of posts with no active consul, which the supervisor decides). Counts are exact and scoped like GET /cases; "today" and "overdue" use the date in UTC.',
  })
  @ApiOkResponse({ type: WorkQueueResponse })
  get(@CurrentCaller() caller: Caller): Promise<WorkQueue> {
    return this.queue.of(caller);
  }
}
