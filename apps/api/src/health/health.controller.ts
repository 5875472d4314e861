import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { DomainError, registerErrorTexts } from '@amparo/core';
import { Public } from '@amparo/identity';
import { ApiProblems } from '../http/openapi-problems.decorator';
import { LivenessResponse, ReadinessResponse } from './health.responses';
import { RedisHealthIndicator } from './redis.health';

registerErrorTexts({
  NOT_READY: {
    title: { es: 'Servicio no preparado', en: 'Service not ready' },
    detail: {
      es: 'Dependencias que no responden: {failing}.',
      en: 'Dependencies not answering: {failing}.',
    },
  },
});

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  @Get('live')
  @Public('Probed by the orchestrator without credentials')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ type: LivenessResponse })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public('Probed by the orchestrator without credentials')
  @ApiOperation({ summary: 'Readiness: the database (and Redis when configured) answer' })
  @ApiOkResponse({ type: ReadinessResponse })
  @ApiProblems({ unavailable: ['NOT_READY'] })
  async ready(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.database.pingCheck('database', { timeout: 3000 }),
        () => this.redis.isReady('redis'),
      ]);
    } catch (error) {
      const details = (error as { response?: HealthCheckResult }).response?.error ?? {};
      throw new DomainError('NOT_READY', 'unavailable', {
        params: { failing: Object.keys(details).join(', ') || 'unknown' },
      });
    }
  }
}
