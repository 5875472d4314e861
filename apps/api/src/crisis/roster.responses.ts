import { ApiProperty } from '@nestjs/swagger';
import {
  DOCUMENT_TYPES,
  ROSTER_SEXES,
  ROSTER_SOURCES,
  RosterEntry,
  RosterEntryWithHistory,
  WELFARE_STATUSES,
} from '@amparo/crisis';

class RosterDocumentResponse {
  @ApiProperty({ enum: DOCUMENT_TYPES }) type!: string;
  @ApiProperty() number!: string;
  @ApiProperty({ type: String, nullable: true }) country!: string | null;
}

export class RosterEntryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty() givenNames!: string;
  @ApiProperty() familyNames!: string;
  @ApiProperty({ type: RosterDocumentResponse, nullable: true })
  document!: RosterDocumentResponse | null;
  @ApiProperty({ type: String, nullable: true }) contact!: string | null;
  @ApiProperty({ type: String, nullable: true }) locationSubdivision!: string | null;
  @ApiProperty({ type: String, nullable: true }) locationText!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dateOfBirth!: string | null;
  @ApiProperty({ enum: ROSTER_SEXES, nullable: true }) sex!: string | null;
  @ApiProperty({ enum: WELFARE_STATUSES }) welfareStatus!: string;
  @ApiProperty({ type: String, format: 'date-time' }) welfareChangedAt!: Date;
  @ApiProperty({ format: 'uuid' }) welfareChangedBy!: string;
  @ApiProperty({ enum: ROSTER_SOURCES }) source!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) importId!: string | null;
  @ApiProperty({ format: 'uuid' }) recordedBy!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) recordedConsulateId!:
    string | null;
  @ApiProperty({ type: String, format: 'date-time' }) recordedAt!: Date;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The case opened at demobilisation',
  })
  caseId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) personId!: string | null;
  @ApiProperty() version!: number;

  static from(e: RosterEntry): RosterEntryResponse {
    return {
      id: e.id,
      eventId: e.eventId,
      givenNames: e.givenNames,
      familyNames: e.familyNames,
      document: e.document,
      contact: e.contact,
      locationSubdivision: e.locationSubdivision,
      locationText: e.locationText,
      dateOfBirth: e.dateOfBirth,
      sex: e.sex,
      welfareStatus: e.welfareStatus,
      welfareChangedAt: e.welfareChangedAt,
      welfareChangedBy: e.welfareChangedBy,
      source: e.source,
      importId: e.importId,
      recordedBy: e.recordedBy,
      recordedConsulateId: e.recordedConsulateId,
      recordedAt: e.recordedAt,
      caseId: e.caseId,
      personId: e.personId,
      version: e.version,
    };
  }
}

export class WelfareChangeResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: WELFARE_STATUSES }) status!: string;
  @ApiProperty({ enum: WELFARE_STATUSES, nullable: true }) previousStatus!: string | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ format: 'uuid' }) changedBy!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Display name of who set it' })
  changedByName!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) changedAt!: Date;
}

export class RosterEntryDetailResponse extends RosterEntryResponse {
  @ApiProperty({ type: [WelfareChangeResponse], description: 'Oldest first' })
  welfareHistory!: WelfareChangeResponse[];

  static fromDetail(e: RosterEntryWithHistory): RosterEntryDetailResponse {
    return { ...RosterEntryResponse.from(e), welfareHistory: e.welfareHistory };
  }
}
