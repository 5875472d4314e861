import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { ToArray } from '@amparo/core';
import { VULNERABILITY_FLAGS } from '@amparo/cases';
import {
  DIMENSION_IDS,
  DIMENSIONS,
  DirectoryCodeList,
  EXPORT_FORMATS,
  EXPORT_KINDS,
  ExportFormat,
  ExportKind,
  FILTER_IDS,
  FilterId,
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

const DIRECTORY_CODES: Record<DirectoryCodeList, string> = {
  country: 'ISO 3166-1 alpha-2 country codes (GET /api/v1/countries)',
  consulate: 'Consulate codes: sending country and post code, e.g. MX-LAX',
  subdivision: 'ISO 3166-2 subdivision codes, or _U (unknown)',
  crisis_event: 'Crisis event ids, or _Z (none)',
  period: 'Periods',
};

/** A filter: a list of codes, comma-separated in a query string; fixed code lists are enums. */
const CodeList = (id: FilterId) => {
  const codes = id === 'vulnerability_flag' ? VULNERABILITY_FLAGS : DIMENSIONS[id].codes;
  const fixed =
    typeof codes === 'string' ? undefined : Array.isArray(codes) ? codes : Object.keys(codes);
  return applyDecorators(
    ApiPropertyOptional({
      isArray: true,
      type: String,
      ...(fixed ? { enum: [...fixed] } : {}),
      description: `${typeof codes === 'string' ? DIRECTORY_CODES[codes] : 'Codes'}, comma-separated`,
    }),
    IsOptional(),
    ToArray(),
    IsArray(),
    IsString({ each: true }),
  );
};

/** Filters by code, one per filter id (`?category=trafficking,health`). */
export class StatisticsFilterParams {
  @CodeList('sending_country') sending_country?: string[];
  @CodeList('consulate') consulate?: string[];
  @CodeList('host_country') host_country?: string[];
  @CodeList('host_subdivision') host_subdivision?: string[];
  @CodeList('category') category?: string[];
  @CodeList('vulnerability') vulnerability?: string[];
  @CodeList('vulnerability_flag') vulnerability_flag?: string[];
  @CodeList('sex') sex?: string[];
  @CodeList('age_group') age_group?: string[];
  @CodeList('status') status?: string[];
  @CodeList('closure_reason') closure_reason?: string[];
  @CodeList('action_type') action_type?: string[];
  @CodeList('crisis_event') crisis_event?: string[];
  @CodeList('organisation_type') organisation_type?: string[];
  @CodeList('referral_service') referral_service?: string[];
  @CodeList('receiving_country') receiving_country?: string[];
  @CodeList('assistance_kind') assistance_kind?: string[];
  @CodeList('return_mode') return_mode?: string[];
  @CodeList('origin_subdivision') origin_subdivision?: string[];
  @CodeList('nationality') nationality?: string[];
  @CodeList('host_country_role') host_country_role?: string[];
  @CodeList('temporary_worker') temporary_worker?: string[];
  @CodeList('gender') gender?: string[];
}

/** What every aggregate shares: its dimensions and its period; checked in depth by the library. */
class StatisticsBreakdown {
  @ApiPropertyOptional({
    enum: DIMENSION_IDS,
    isArray: true,
    description: 'Up to three (comma-separated in a query string)',
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

export class StatisticsQueryParams extends IntersectionType(
  StatisticsBreakdown,
  StatisticsFilterParams,
) {
  @ApiProperty({ enum: MEASURE_IDS }) @IsString() @MaxLength(64) measure!: string;
}

/** The filters present in a query, by filter id. */
export function filtersOf(params: StatisticsFilterParams): Record<string, string[] | undefined> {
  const filters: Record<string, string[] | undefined> = {};
  for (const id of FILTER_IDS) if (params[id] !== undefined) filters[id] = params[id];
  return filters;
}

export class ExportRequestBody extends StatisticsBreakdown {
  @ApiProperty({ enum: EXPORT_KINDS }) @IsIn(EXPORT_KINDS) kind!: ExportKind;

  @ApiProperty({ enum: MEASURE_IDS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MEASURE_IDS.length)
  @IsString({ each: true })
  measures!: string[];

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
