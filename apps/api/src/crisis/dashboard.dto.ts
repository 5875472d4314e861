import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import { CrisisDashboard } from '@amparo/crisis';

export class DashboardQuery {
  @ApiPropertyOptional({ enum: ['day', 'week'], default: 'day' })
  @IsOptional()
  @IsIn(['day', 'week'])
  interval?: 'day' | 'week';
}

/** A count per welfare status, every status present. */
export class WelfareCountsResponse {
  @ApiProperty() unaccounted!: number;
  @ApiProperty() safe!: number;
  @ApiProperty() needs_assistance!: number;
  @ApiProperty() injured!: number;
  @ApiProperty() missing!: number;
  @ApiProperty() deceased!: number;
  @ApiProperty() evacuated!: number;
}

class SubdivisionCountsResponse {
  @ApiProperty({ type: String, nullable: true, description: 'ISO 3166-2; null: not known' })
  subdivision!: string | null;
  @ApiProperty() total!: number;
  @ApiProperty({ type: WelfareCountsResponse }) counts!: WelfareCountsResponse;
}

class PeriodCountsResponse {
  @ApiProperty({ type: String, format: 'date', description: 'First day of the period (UTC)' })
  date!: string;
  @ApiProperty() total!: number;
  @ApiProperty({ type: WelfareCountsResponse, description: 'Statuses at the end of the period' })
  counts!: WelfareCountsResponse;
}

export class CrisisDashboardResponse {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ description: 'Persons on the roster' }) total!: number;
  @ApiProperty({ type: WelfareCountsResponse }) byWelfareStatus!: WelfareCountsResponse;
  @ApiProperty({ type: [SubdivisionCountsResponse], description: 'Most people first' })
  bySubdivision!: SubdivisionCountsResponse[];
  @ApiProperty({
    type: [PeriodCountsResponse],
    description: 'From the event’s start, oldest first',
  })
  overTime!: PeriodCountsResponse[];

  static from(d: CrisisDashboard): CrisisDashboardResponse {
    return d;
  }
}

export class DemobiliseRequest {
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description:
      'The persons to open a case for; by default every one whose welfare status is needs_assistance, injured or missing',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @IsUUID('all', { each: true })
  entryIds?: string[];
}

class CaseOpenedResponse {
  @ApiProperty({ format: 'uuid' }) entryId!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: 'MX-LAX-2026-000123' }) reference!: string;
}

export class DemobilisationResponse {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ type: [CaseOpenedResponse] }) casesOpened!: CaseOpenedResponse[];
}
