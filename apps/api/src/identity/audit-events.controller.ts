import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { AuditQueryService } from '@amparo/audit';
import { PageQuery } from '@amparo/core';
import { Caller, PostOfficers, RequirePermission, ScopeService } from '@amparo/identity';
import { CurrentCaller } from '../access/current-caller.decorator';
import { PageOf } from '../http/page.response';

export class ListAuditEventsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ example: 'auth.login' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string;

  @ApiPropertyOptional({ example: 'user' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  resourceType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  resourceId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Inclusive' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  @ApiPropertyOptional({ format: 'date-time', description: 'Exclusive' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;
}

export class AuditEventResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() seq!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ nullable: true, type: String }) actorId!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "The actor's current display name; null for a system event",
  })
  actorName!: string | null;
  @ApiProperty({ type: [String] }) actorRoles!: string[];
  @ApiProperty({ nullable: true, type: String }) consulateId!: string | null;
  @ApiProperty({ nullable: true, type: String }) countryCode!: string | null;
  @ApiProperty() action!: string;
  @ApiProperty({ nullable: true, type: String }) resourceType!: string | null;
  @ApiProperty({ nullable: true, type: String }) resourceId!: string | null;
  @ApiProperty({ enum: ['success', 'failure', 'denied'] }) outcome!: string;
  @ApiProperty({ nullable: true, type: String }) requestId!: string | null;
  @ApiProperty({ nullable: true, type: String }) ip!: string | null;
  @ApiProperty({ type: Object }) details!: Record<string, unknown>;
  @ApiProperty({
    nullable: true,
    type: String,
    pattern: '^[0-9a-f]{64}$',
    description:
      'SHA-256 seal of the event in the audit chain (hex); null until the sealing job reaches it, about AUDIT_SEAL_INTERVAL_MS after the event',
  })
  hash!: string | null;
}

@ApiTags('audit')
@Controller('audit-events')
export class AuditEventsController {
  constructor(
    private readonly audit: AuditQueryService,
    private readonly scopes: ScopeService,
    private readonly users: PostOfficers,
  ) {}

  @Get()
  @RequirePermission('audit:read')
  @ApiOperation({ summary: 'Audit events of your country (all of them for system admins)' })
  @ApiOkResponse({ type: PageOf(AuditEventResponse) })
  async list(
    @CurrentCaller() caller: Caller,
    @Query() query: ListAuditEventsQuery,
  ): Promise<{ items: AuditEventResponse[]; nextCursor: string | null }> {
    const scope = this.scopes.auditCountries(caller);
    const page = await this.audit.list(
      scope.all ? { all: true } : { all: false, countryCodes: scope.ids },
      {
        ...query,
        actorUserId: query.actorId,
      },
    );
    // The audit context knows users by id only; identity names them, one query for the page.
    const names = await this.users.displayNames(
      page.items.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])),
    );
    return {
      nextCursor: page.nextCursor,
      items: page.items.map(({ actorUserId, occurredAt, ...event }) => ({
        ...event,
        actorId: actorUserId,
        actorName: actorUserId ? (names.get(actorUserId) ?? null) : null,
        occurredAt: new Date(occurredAt).toISOString(),
      })),
    };
  }
}
