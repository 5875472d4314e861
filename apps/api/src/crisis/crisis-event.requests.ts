import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDate,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
} from 'class-validator';
import { NotBlank, PageQuery } from '@amparo/core';
import {
  CRISIS_EVENT_STATUSES,
  CRISIS_EVENT_TYPES,
  CrisisEventStatus,
  CrisisEventType,
} from '@amparo/crisis';

const SUBDIVISION = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;

export class DeclareCrisisEventRequest {
  @ApiProperty({ minLength: 3, maxLength: 200, example: 'Huracán Otis — Acapulco' })
  @IsString()
  @NotBlank()
  @Length(3, 200)
  name!: string;

  @ApiProperty({ enum: CRISIS_EVENT_TYPES }) @IsIn(CRISIS_EVENT_TYPES) type!: CrisisEventType;

  @ApiProperty({ example: 'US', description: 'Where the event happened (ISO 3166-1)' })
  @IsString()
  @Length(2, 2)
  hostCountryCode!: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['US-FL'],
    description: 'ISO 3166-2 subdivisions of the host country affected',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(SUBDIVISION, { each: true })
  hostSubdivisions?: string[];

  @ApiProperty({ type: String, format: 'date-time' })
  @Type(() => Date)
  @IsDate()
  startedAt!: Date;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 1,
    description: 'The responding posts, all of one sending country; the lead post first',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  consulateIds!: string[];
}

export class UpdateCrisisEventRequest {
  @ApiPropertyOptional({ minLength: 3, maxLength: 200 })
  @IsOptional()
  @IsString()
  @NotBlank()
  @Length(3, 200)
  name?: string;

  @ApiPropertyOptional({ type: [String], example: ['US-FL'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(SUBDIVISION, { each: true })
  hostSubdivisions?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', minItems: 1 })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  consulateIds?: string[];
}

export class ChangeCrisisEventStatusRequest {
  @ApiProperty({
    enum: ['winding_down'],
    description: 'Active → winding_down; an event closes only through demobilisation',
  })
  @IsIn(['winding_down'])
  status!: 'winding_down';
}

export class ListCrisisEventsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CRISIS_EVENT_STATUSES })
  @IsOptional()
  @IsIn(CRISIS_EVENT_STATUSES)
  status?: CrisisEventStatus;
}
