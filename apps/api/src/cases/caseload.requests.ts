import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID } from 'class-validator';

/** Dates are checked in depth (calendar date, order, 24 months at most) by the cases context. */
export class CaseloadQueryParams {
  @ApiPropertyOptional({
    format: 'date',
    description:
      'First day (UTC) of the opened/closed series; defaults to the first day of the month eleven months before `to`',
  })
  @IsOptional()
  @IsString()
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    description:
      'Last day (UTC, inclusive) of the series; defaults to today. At most 24 calendar months after `from`',
  })
  @IsOptional()
  @IsString()
  to?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Only this post; it must be one you work or supervise (else 403 FILTER_OUTSIDE_SCOPE)',
  })
  @IsOptional()
  @IsUUID()
  consulateId?: string;
}
