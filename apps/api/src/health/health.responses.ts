import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';

export class LivenessResponse {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
}

const INDICATORS: ApiPropertyOptions = {
  type: 'object',
  description: 'Dependency name (database, redis) → its status',
  additionalProperties: {
    type: 'object',
    required: ['status'],
    properties: { status: { type: 'string', enum: ['up', 'down'] } },
  },
};

/** @nestjs/terminus's health check result. */
export class ReadinessResponse {
  @ApiProperty({ enum: ['ok'] }) status!: string;
  @ApiPropertyOptional(INDICATORS) info?: object;
  @ApiPropertyOptional(INDICATORS) error?: object;
  @ApiProperty(INDICATORS) details!: object;
}
