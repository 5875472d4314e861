import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ToArray } from '@amparo/core';
import {
  DIMENSION_IDS,
  EXPORT_FORMATS,
  EXPORT_KINDS,
  ExportFormat,
  ExportKind,
  FILTER_IDS,
  MEASURE_IDS,
  PERIOD_GRANULARITIES,
  StatisticsFilters,
} from '@amparo/statistics';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';

const CODES = { isArray: true, type: String, description: 'One or more codes, comma-separated' };

/** Filters by code: one query parameter per filter, each a comma-separated list. */
export class StatisticsFilterParams {
  @ApiPropertyOptional(CODES)
  @IsOptional()
  @ToArray()
  @IsArray()
  @IsString({ each: true })
  sending_country?: string[];
  @ApiPropertyOptional(CODES)
  @IsOptional()
  @ToArray()
  @IsArray()
  @IsString({ each: true })
  consulate?: string[];
  @ApiPropertyOptional(CODES)
  @IsOptional()
  @ToArray()
  @IsArray()
  @IsString({ each: true })
  host_country?: string[];
  @ApiPropertyOptional(CODES)
  @IsOptional()
  @ToArray()
  @IsArray()
  @IsString({ each: true })
  host_subdivision?: string[];
  @ApiPropertyOptional(CODES)
  @IsOptional()
  @ToArray()
  @IsArray()
  @IsString({ each: true })
  category?: string[];
  @ApiPropertyOptional(CODES)
  @IsOptional()
  @ToArray()
  @IsArray()
  @IsString({ each: true })
  vulnerability?: string[];
  @ApiPropertyOptional(CODES)
  @IsOptional()
  @ToArray()
  @IsArray()
  @IsString({ each: true })
  vulnerability_flag?: string[];
  @ApiPropertyOptional(CODES)
  @IsOptional()
  @ToArray()
  @IsArray()
  @IsString({ each: true })
  sex?: string[];
  @ApiPropertyOptional(CODES)
  @IsOptional()
  @ToArray()
  @IsArray()
  @IsString({ each: true })
  age_group?: string[];
  @ApiPropertyOptional(CODES)
  @IsOptional()
  @ToArray()
  @IsArray()
  @IsString({ each: true })
  status?: string[];
  @ApiPropertyOptional(CODES)
  @IsOptional()
  @ToArray()
  @IsArray()
  @IsString({ each: true })
  closure_reason?: string[];
  @ApiPropertyOptional(CODES)
  @IsOptional()
  @ToArray()
  @IsArray()
  @IsString({ each: true })
  action_type?: string[];
  @ApiPropertyOptional(CODES)
  @IsOptional()
  @ToArray()
  @IsArray()
  @IsString({ each: true })
  crisis_event?: string[];
}

export class StatisticsQueryParams extends StatisticsFilterParams {
  @ApiProperty({ enum: MEASURE_IDS }) @IsString() @MaxLength(64) measure!: string;

  @ApiPropertyOptional({
    enum: DIMENSION_IDS,
    isArray: true,
    description: 'Up to three, comma-separated',
  })
  @IsOptional()
  @ToArray()
  @IsArray()
  @IsString({ each: true })
  dimensions?: string[];

  @ApiPropertyOptional({ enum: PERIOD_GRANULARITIES, default: 'year' })
  @IsOptional()
  @IsString()
  period?: string;

  @ApiProperty({ format: 'date', description: 'First day (UTC), inclusive' })
  @IsString()
  from!: string;
  @ApiProperty({ format: 'date', description: 'Last day (UTC), inclusive' })
  @IsString()
  to!: string;
}

/** The filters present in a query, by filter id. */
export function filtersOf(params: StatisticsFilterParams): Record<string, string[] | undefined> {
  const filters: Record<string, string[] | undefined> = {};
  for (const id of FILTER_IDS) if (params[id] !== undefined) filters[id] = params[id];
  return filters;
}

export class ExportRequestBody {
  @ApiProperty({ enum: EXPORT_KINDS }) @IsIn(EXPORT_KINDS) kind!: ExportKind;

  @ApiProperty({ enum: MEASURE_IDS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MEASURE_IDS.length)
  @IsString({ each: true })
  measures!: string[];

  @ApiPropertyOptional({ enum: DIMENSION_IDS, isArray: true })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  dimensions?: string[];

  @ApiPropertyOptional({ enum: PERIOD_GRANULARITIES, default: 'year' })
  @IsOptional()
  @IsString()
  period?: string;

  @ApiProperty({ format: 'date' }) @IsString() from!: string;
  @ApiProperty({ format: 'date' }) @IsString() to!: string;

  @ApiPropertyOptional({
    type: StatisticsFilterParams,
    description: 'Filter id to a list of codes',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => StatisticsFilterParams)
  filters?: StatisticsFilters;

  @ApiProperty({ enum: EXPORT_FORMATS }) @IsIn(EXPORT_FORMATS) format!: ExportFormat;

  @ApiPropertyOptional({ enum: ['es', 'en'], description: 'Headers and labels; default: yours' })
  @IsOptional()
  @IsIn(['es', 'en'])
  language?: 'es' | 'en';
}
