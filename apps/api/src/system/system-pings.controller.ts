import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@amparo/identity';
import { SystemPingService } from '@amparo/jobs';
import { Response } from 'express';
import { LOCATION } from '../http/openapi-headers';
import { ApiProblems } from '../http/openapi-problems.decorator';
import { RequestSystemPingRequest } from './request-system-ping.request';
import { SystemPingResponse } from './system-ping.response';

@ApiTags('system')
@Controller('system/pings')
export class SystemPingsController {
  constructor(private readonly pings: SystemPingService) {}

  @Post()
  @HttpCode(202)
  @RequirePermission('system:diagnose')
  @ApiOperation({ summary: 'Queue a system ping that a worker completes' })
  @ApiAcceptedResponse({ type: SystemPingResponse, headers: LOCATION })
  @ApiProblems({ unavailable: ['JOB_QUEUE_UNAVAILABLE'] })
  async request(
    @Body() body: RequestSystemPingRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SystemPingResponse> {
    // An explicit null is no delay, like an absent one (the column is NOT NULL).
    const ping = await this.pings.request(body.delayMs ?? 0);
    res.setHeader('Location', `/api/v1/system/pings/${ping.id}`);
    return SystemPingResponse.from(ping);
  }

  @Get(':id')
  @RequirePermission('system:diagnose')
  @ApiOperation({ summary: 'Read a system ping' })
  @ApiOkResponse({ type: SystemPingResponse })
  @ApiProblems({ not_found: ['SYSTEM_PING_NOT_FOUND'] })
  async find(@Param('id') id: string): Promise<SystemPingResponse> {
    return SystemPingResponse.from(await this.pings.find(id));
  }
}
