import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_STATUSES, WORK_QUEUE_TABS } from '@amparo/cases';

/** The query of `GET /cases` that lists a tab; empty for the access-requests tab. */
export class WorkQueueFilterResponse {
  @ApiPropertyOptional({ enum: CASE_STATUSES, isArray: true }) status?: string[];
  @ApiPropertyOptional({ format: 'uuid' }) assignedOfficerId?: string;
  @ApiPropertyOptional({ format: 'date' }) nextStepDueTo?: string;
  @ApiPropertyOptional({ description: 'Only cases of posts with no active consul' })
  withoutConsul?: boolean;
  @ApiPropertyOptional({ example: 'nextStepDue' }) sort?: string;
}

export class WorkQueueTabResponse {
  @ApiProperty({ enum: WORK_QUEUE_TABS }) id!: string;
  @ApiProperty({ type: 'integer', description: 'Exact: the cases GET /cases lists with `filter`' })
  count!: number;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Of those, cases whose next step was due before today; null on tabs without dates',
  })
  overdue!: number | null;
  @ApiProperty({
    type: WorkQueueFilterResponse,
    description:
      'Pass as the query of GET /api/v1/cases (status comma-separated) to list the tab; {} for access_requests, listed by GET /api/v1/access-requests',
  })
  filter!: WorkQueueFilterResponse;
}

export class WorkQueueResponse {
  @ApiProperty({
    format: 'date',
    description: 'The current date in UTC (YYYY-MM-DD), against which steps are overdue',
  })
  today!: string;
  @ApiProperty({ type: [WorkQueueTabResponse] }) tabs!: WorkQueueTabResponse[];
}
