import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { ToBoolean } from '@amparo/core';
import { CountriesService, Subdivision } from '@amparo/directory';
import { Authenticated } from '@amparo/identity';
import { ApiProblems } from '../http/openapi-problems.decorator';
import { PageOf } from '../http/page.response';

export class ListCountriesQuery {
  @ApiPropertyOptional({ description: 'Only the 11 member countries of the network' })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  member?: boolean;

  @ApiPropertyOptional({ description: 'Name (es or en) or code, ignoring accents and case' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class SubdivisionsQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) q?: string;
}

export class CountryResponse {
  @ApiProperty({ example: 'MX' }) code!: string;
  @ApiProperty({ example: 'MEX' }) alpha3!: string;
  @ApiProperty({ example: '484' }) numeric!: string;
  @ApiProperty({ example: 'México' }) nameEs!: string;
  @ApiProperty({ example: 'Mexico' }) nameEn!: string;
  @ApiProperty() member!: boolean;
}

export class SubdivisionResponse {
  @ApiProperty({ example: 'MX-JAL' }) code!: string;
  @ApiProperty({ example: 'MX' }) countryCode!: string;
  @ApiProperty({ example: 'Jalisco' }) name!: string;
  @ApiProperty({ example: 'State' }) type!: string;
}

/**
 * Reference lists are small and complete: answered whole, with nextCursor always null. They are
 * the ISO standards, no one's data: any signed-in user may read them, an organisation's focal point
 * too (who holds no directory:read, yet picks the countries their organisation covers).
 */
@ApiTags('directory')
@Controller('countries')
export class CountriesController {
  constructor(private readonly countries: CountriesService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'ISO 3166-1 countries (all of them, in one page)' })
  @ApiOkResponse({ type: PageOf(CountryResponse) })
  async list(
    @Query() query: ListCountriesQuery,
  ): Promise<{ items: CountryResponse[]; nextCursor: null }> {
    return { items: await this.countries.list(query), nextCursor: null };
  }

  @Get(':code/subdivisions')
  @Authenticated()
  @ApiOperation({ summary: 'ISO 3166-2 subdivisions of a country (all of them, in one page)' })
  @ApiOkResponse({ type: PageOf(SubdivisionResponse) })
  @ApiProblems({ not_found: ['COUNTRY_NOT_FOUND'] })
  async subdivisions(
    @Param('code') code: string,
    @Query() query: SubdivisionsQuery,
  ): Promise<{ items: SubdivisionResponse[]; nextCursor: null }> {
    const items: Subdivision[] = await this.countries.subdivisions(code.toUpperCase(), query.q);
    return { items, nextCursor: null };
  }
}
