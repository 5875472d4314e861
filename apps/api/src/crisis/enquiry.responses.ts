import { ApiProperty } from '@nestjs/swagger';
import { ENQUIRY_STATUSES, Enquiry, EnquiryDetail } from '@amparo/crisis';
import { RosterEntryResponse } from './roster.responses';

export class EnquiryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty() relativeName!: string;
  @ApiProperty() relativeContact!: string;
  @ApiProperty({ type: String, nullable: true }) relationship!: string | null;
  @ApiProperty() soughtGivenNames!: string;
  @ApiProperty() soughtFamilyNames!: string;
  @ApiProperty({ type: String, nullable: true }) soughtDetails!: string | null;
  @ApiProperty({ enum: ENQUIRY_STATUSES }) status!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) matchedEntryId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) matchedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) matchedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true, description: 'What the relative was told' })
  answer!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) answeredBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) answeredAt!: Date | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) closedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: Date | null;
  @ApiProperty({ format: 'uuid' }) recordedBy!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) recordedConsulateId!:
    string | null;
  @ApiProperty({ type: String, format: 'date-time' }) recordedAt!: Date;
  @ApiProperty() version!: number;

  static from(e: Enquiry): EnquiryResponse {
    return {
      id: e.id,
      eventId: e.eventId,
      relativeName: e.relativeName,
      relativeContact: e.relativeContact,
      relationship: e.relationship,
      soughtGivenNames: e.soughtGivenNames,
      soughtFamilyNames: e.soughtFamilyNames,
      soughtDetails: e.soughtDetails,
      status: e.status,
      matchedEntryId: e.matchedEntryId,
      matchedBy: e.matchedBy,
      matchedAt: e.matchedAt,
      answer: e.answer,
      answeredBy: e.answeredBy,
      answeredAt: e.answeredAt,
      closedBy: e.closedBy,
      closedAt: e.closedAt,
      recordedBy: e.recordedBy,
      recordedConsulateId: e.recordedConsulateId,
      recordedAt: e.recordedAt,
      version: e.version,
    };
  }
}

export class EnquirySuggestionResponse {
  @ApiProperty({ type: RosterEntryResponse }) entry!: RosterEntryResponse;
  @ApiProperty({ minimum: 0, maximum: 1, description: 'How alike the names are' }) score!: number;
}

export class EnquiryDetailResponse extends EnquiryResponse {
  @ApiProperty({ type: RosterEntryResponse, nullable: true })
  matchedEntry!: RosterEntryResponse | null;
  @ApiProperty({
    type: [EnquirySuggestionResponse],
    description:
      'Roster entries with names like the one sought (accents, case and typos ignored), most alike first; none once answered or closed',
  })
  suggestions!: EnquirySuggestionResponse[];

  static fromDetail(e: EnquiryDetail): EnquiryDetailResponse {
    return {
      ...EnquiryResponse.from(e),
      matchedEntry: e.matchedEntry && RosterEntryResponse.from(e.matchedEntry),
      suggestions: e.suggestions.map((s) => ({
        entry: RosterEntryResponse.from(s.entry),
        score: s.score,
      })),
    };
  }
}
