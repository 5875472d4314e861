import { ApiProperty } from '@nestjs/swagger';
import { CRISIS_EVENT_STATUSES, CRISIS_EVENT_TYPES, CrisisEventView } from '@amparo/crisis';

class CrisisEventCountsResponse {
  @ApiProperty({ description: 'Persons on the roster' }) total!: number;
  @ApiProperty({ description: 'Of them, still unaccounted for' }) unaccounted!: number;
}

class CrisisEventCallerMayResponse {
  @ApiProperty({ description: 'Change the event, its status, demobilise it' }) manage!: boolean;
  @ApiProperty({ description: 'Work the roster: intake, welfare, enquiries, movements, import' })
  write!: boolean;
}

export class CrisisEventResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'MX', description: 'The sending country whose nationals are affected' })
  countryCode!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: CRISIS_EVENT_TYPES }) type!: string;
  @ApiProperty({ example: 'US' }) hostCountryCode!: string;
  @ApiProperty({ type: [String] }) hostSubdivisions!: string[];
  @ApiProperty({ type: [String], format: 'uuid', description: 'The lead post first' })
  consulateIds!: string[];
  @ApiProperty({ type: String, format: 'date-time' }) startedAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endedAt!: Date | null;
  @ApiProperty({ enum: CRISIS_EVENT_STATUSES }) status!: string;
  @ApiProperty({ format: 'uuid' }) declaredBy!: string;
  @ApiProperty({ type: String, format: 'date-time' }) declaredAt!: Date;
  @ApiProperty({ description: 'Send as If-Match ("v<version>") to change the event' })
  version!: number;
  @ApiProperty({ type: CrisisEventCountsResponse }) counts!: CrisisEventCountsResponse;
  @ApiProperty({ type: CrisisEventCallerMayResponse }) callerMay!: CrisisEventCallerMayResponse;

  static from(e: CrisisEventView): CrisisEventResponse {
    return {
      id: e.id,
      countryCode: e.countryCode,
      name: e.name,
      type: e.type,
      hostCountryCode: e.hostCountryCode,
      hostSubdivisions: e.hostSubdivisions,
      consulateIds: e.consulateIds,
      startedAt: e.startedAt,
      endedAt: e.endedAt,
      status: e.status,
      declaredBy: e.declaredBy,
      declaredAt: e.declaredAt,
      version: e.version,
      counts: e.counts,
      callerMay: e.callerMay,
    };
  }
}
