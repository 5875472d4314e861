import { ApiProperty } from '@nestjs/swagger';
import { CASE_CATEGORIES, CaseCategory } from '@amparo/cases';

export class CaseloadTotalsResponse {
  @ApiProperty({ type: 'integer', description: 'Cases in any status but closed' }) open!: number;
  @ApiProperty({
    type: 'integer',
    description: 'Not-closed cases whose next step was due before today',
  })
  overdueNextSteps!: number;
  @ApiProperty({ type: 'integer' }) closureRequested!: number;
  @ApiProperty({ type: 'integer' }) waiting!: number;
}

export class PostCaseloadResponse extends CaseloadTotalsResponse {
  @ApiProperty({ format: 'uuid' }) consulateId!: string;
  @ApiProperty({ example: 'LAX' }) postCode!: string;
  @ApiProperty() name!: string;
}

export class OfficerCaseloadResponse {
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'null: the post’s unassigned cases',
  })
  officerId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null for unassigned cases' })
  displayName!: string | null;
  @ApiProperty({ format: 'uuid' }) consulateId!: string;
  @ApiProperty({ type: 'integer' }) open!: number;
  @ApiProperty({ type: 'integer' }) overdueNextSteps!: number;
}

export class OpenedClosedResponse {
  @ApiProperty({ example: '2026-03', description: 'UTC month' }) month!: string;
  @ApiProperty({ enum: CASE_CATEGORIES }) category!: CaseCategory;
  @ApiProperty({ type: 'integer', description: 'Cases opened in the month' }) opened!: number;
  @ApiProperty({
    type: 'integer',
    description: 'Cases closed in the month and still closed (a reopened case no longer counts)',
  })
  closed!: number;
}

export class CaseloadResponse {
  @ApiProperty({ format: 'date', description: 'UTC date the figures were counted on' })
  today!: string;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ type: CaseloadTotalsResponse }) totals!: CaseloadTotalsResponse;
  @ApiProperty({
    type: [PostCaseloadResponse],
    description: 'Every active post in scope (zeros included), and inactive ones with open cases',
  })
  byPost!: PostCaseloadResponse[];
  @ApiProperty({
    type: [OfficerCaseloadResponse],
    description:
      'Not-closed cases per assignee and post; one row per post with officerId null for its unassigned cases',
  })
  byOfficer!: OfficerCaseloadResponse[];
  @ApiProperty({
    type: [OpenedClosedResponse],
    description:
      'Per UTC month of the period and category; months and categories with no case opened or closed are omitted. A case counts under each of its categories (primary and secondary), as the category filter of GET /cases finds it, so a month’s rows may add up to more than its cases',
  })
  openedClosed!: OpenedClosedResponse[];
}
