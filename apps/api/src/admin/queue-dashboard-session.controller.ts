import { Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuditService } from '@amparo/audit';
import { APP_CONFIG, AppConfig, DomainError } from '@amparo/core';
import { Caller, RequirePermission, actorOf } from '@amparo/identity';
import { CurrentCaller } from '../access/current-caller.decorator';
import { Request, Response } from 'express';
import {
  QUEUE_DASHBOARD_COOKIE,
  QUEUE_DASHBOARD_PATH,
  bearerTokenOf,
  dashboardCookieOptions,
  mayOpenQueueDashboard,
} from './queue-dashboard-access';
import './queue-dashboard.errors';
import { ApiProblems } from '../http/openapi-problems.decorator';

/**
 * A browser opening the dashboard cannot send the Authorization header, so a system_admin first
 * calls this (from the same origin, e.g. the API docs at /api/docs) to hand their access token to
 * the browser as a cookie only the dashboard's path receives.
 */
@ApiTags('admin')
@Controller('admin/queues/session')
export class QueueDashboardSessionController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  @Post()
  @HttpCode(204)
  // system:diagnose is system_admin's today; the role check below keeps it so if that changes.
  @RequirePermission('system:diagnose')
  @ApiOperation({
    summary: `Open the queue dashboard (${QUEUE_DASHBOARD_PATH}) in this browser: sets an HttpOnly cookie with your access token, valid while it is`,
  })
  @ApiNoContentResponse({ description: `Cookie set; open ${QUEUE_DASHBOARD_PATH}` })
  @ApiForbiddenResponse({ description: 'Only a system_admin may open the dashboard' })
  @ApiNotFoundResponse({ description: 'Jobs run in-process (no REDIS_URL): there is no dashboard' })
  @ApiProblems({ not_found: ['QUEUE_DASHBOARD_NOT_AVAILABLE'] })
  async open(
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    if (this.config.jobs.mode !== 'redis') {
      throw new DomainError('QUEUE_DASHBOARD_NOT_AVAILABLE', 'not_found');
    }
    if (!mayOpenQueueDashboard(caller)) throw new DomainError('FORBIDDEN', 'forbidden');
    // The guard accepted this request's bearer token, so it is there and valid.
    const token = bearerTokenOf(req.headers)!;
    await this.audit.record({
      action: 'queue_dashboard.session',
      outcome: 'success',
      actor: actorOf(caller),
      resourceType: 'queue_dashboard',
      countryCode: caller.countryCode,
      details: { expiresInSeconds: this.config.auth.accessTokenTtlSeconds },
    });
    res.cookie(QUEUE_DASHBOARD_COOKIE, token, dashboardCookieOptions(this.config));
  }
}
