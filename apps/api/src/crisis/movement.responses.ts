import { ApiProperty } from '@nestjs/swagger';
import { MOVEMENT_MODES, Movement, MovementDetail } from '@amparo/crisis';
import { RosterEntryResponse } from './roster.responses';

export class MovementResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ enum: MOVEMENT_MODES }) mode!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ type: String, format: 'date-time' }) departsAt!: Date;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty() passengerCount!: number;

  static from(v: Movement): MovementResponse {
    return {
      id: v.id,
      eventId: v.eventId,
      mode: v.mode,
      label: v.label,
      departsAt: v.departsAt,
      from: v.from,
      to: v.to,
      createdBy: v.createdBy,
      createdAt: v.createdAt,
      passengerCount: v.passengerCount,
    };
  }
}

export class MovementDetailResponse extends MovementResponse {
  @ApiProperty({ type: [RosterEntryResponse], description: 'By family and given names' })
  passengers!: RosterEntryResponse[];

  static fromDetail(v: MovementDetail): MovementDetailResponse {
    return { ...MovementResponse.from(v), passengers: v.passengers.map(RosterEntryResponse.from) };
  }
}
