import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { DetentionWithClocks } from '@amparo/cases';
import { etagOf } from './version-tag';

const SUBDIVISION = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;

export class RecordDetentionRequest {
  @ApiProperty({ format: 'uuid', description: 'The detained person, on the case' })
  @IsUUID()
  personId!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 200,
    example: 'Centro de detención de Otay Mesa',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  facilityName?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'ISO 3166-2 subdivision of the host country',
    example: 'US-CA',
  })
  @IsOptional()
  @Matches(SUBDIVISION)
  facilitySubdivisionCode?: string | null;

  @ApiProperty({ format: 'date-time', description: 'Time of arrest' })
  @IsISO8601({ strict: true })
  arrestedAt!: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the host authorities notified the consulate',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  notifiedAt?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'First consular contact; when absent it is derived from the first interview, visit, legal orientation or monitoring after the notification',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  firstContactAt?: string | null;
}

export class UpdateDetentionRequest {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  facilityName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'US-CA' })
  @IsOptional()
  @Matches(SUBDIVISION)
  facilitySubdivisionCode?: string | null;

  @ApiPropertyOptional({ format: 'date-time' })
  @ValidateIf((o: UpdateDetentionRequest) => o.arrestedAt !== undefined)
  @IsISO8601({ strict: true })
  arrestedAt?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @IsISO8601({ strict: true })
  notifiedAt?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @IsISO8601({ strict: true })
  firstContactAt?: string | null;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'The release: stops the clocks; cannot be undone',
  })
  @ValidateIf((o: UpdateDetentionRequest) => o.releasedAt !== undefined)
  @IsISO8601({ strict: true })
  releasedAt?: string;
}

export class DetentionOverdueResponse {
  @ApiProperty({ enum: ['notification', 'first_contact', 'visit'] }) rule!: string;
  @ApiProperty({ enum: ['hours', 'days'] }) unit!: string;
  @ApiProperty({ description: "The deployment's limit, in `unit`" }) limit!: number;
  @ApiProperty({ description: 'The time measured, in `unit`' }) actual!: number;
  @ApiProperty({ description: 'How far past the limit, in `unit`' }) lateBy!: number;
  @ApiProperty() lateByHours!: number;
}

export class DetentionClocksResponse {
  @ApiProperty({ description: 'Not released' }) open!: boolean;
  @ApiProperty({ type: Number, nullable: true, description: 'Notified − arrested, hours' })
  notificationDelayHours!: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) firstContactAt!: Date | null;
  @ApiProperty({ enum: ['recorded', 'actions'], nullable: true, type: String })
  firstContactSource!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'First contact − notified, hours' })
  timeToFirstContactHours!: number | null;
  @ApiProperty({
    type: 'integer',
    description: 'Visits at a detention centre and detention monitoring',
  })
  visitCount!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastVisitAt!: Date | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description:
      'Days since the last visit, or since the notification when never visited; null once released',
  })
  daysSinceLastVisit!: number | null;
  @ApiProperty({ type: [DetentionOverdueResponse] }) overdue!: DetentionOverdueResponse[];
  @ApiProperty() mostLateHours!: number;
}

export class DetentionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ type: String, nullable: true }) facilityName!: string | null;
  @ApiProperty({ type: String, nullable: true }) facilitySubdivisionCode!: string | null;
  @ApiProperty({ format: 'date-time' }) arrestedAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) notifiedAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'As recorded' })
  firstContactAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) releasedAt!: Date | null;
  @ApiProperty({ format: 'uuid' }) recordedBy!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt!: Date;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ example: '"v2"', description: 'Send as If-Match to change this detention' })
  etag!: string;
  @ApiProperty({ type: DetentionClocksResponse }) clocks!: DetentionClocksResponse;

  static from(d: DetentionWithClocks): DetentionResponse {
    return { ...d, etag: etagOf(d.version) };
  }
}

export class CaseDetentionsResponse {
  @ApiProperty({ type: [DetentionResponse] }) items!: DetentionResponse[];
}

export class DetentionRuleResponse {
  @ApiProperty({ type: 'integer' }) notificationOverdueHours!: number;
  @ApiProperty({ type: 'integer' }) firstContactOverdueHours!: number;
  @ApiProperty({ type: 'integer' }) visitOverdueDays!: number;
}

export class OverdueDetentionResponse {
  @ApiProperty({ format: 'uuid' }) detentionId!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() caseReference!: string;
  @ApiProperty({ format: 'uuid' }) consulateId!: string;
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ format: 'date-time' }) arrestedAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) notifiedAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastVisitAt!: Date | null;
  @ApiProperty({ type: [DetentionOverdueResponse] }) overdue!: DetentionOverdueResponse[];
  @ApiProperty({ description: 'How the list is ordered, most late first' }) mostLateHours!: number;
}

export class PostOverdueDetentionsResponse {
  @ApiProperty({ format: 'uuid' }) consulateId!: string;
  @ApiProperty() consulateName!: string;
  @ApiProperty({ example: 'LAX' }) postCode!: string;
  @ApiProperty({ type: 'integer' }) overdue!: number;
}

export class DetentionQueueResponse {
  @ApiProperty({ type: DetentionRuleResponse }) rule!: DetentionRuleResponse;
  @ApiProperty({ type: [OverdueDetentionResponse], description: 'Of the cases you work' })
  items!: OverdueDetentionResponse[];
  @ApiProperty({ type: [PostOverdueDetentionsResponse], description: 'Every post in your scope' })
  posts!: PostOverdueDetentionsResponse[];
}
