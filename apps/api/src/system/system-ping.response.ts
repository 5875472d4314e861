import { ApiProperty } from '@nestjs/swagger';
import { SystemPing } from '@amparo/jobs';

export class SystemPingResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ['queued', 'completed'] })
  status!: string;

  @ApiProperty({ format: 'date-time' })
  requestedAt!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  completedAt!: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'host:pid of the process that ran the job',
  })
  handledBy!: string | null;

  static from(ping: SystemPing): SystemPingResponse {
    return {
      id: ping.id,
      status: ping.status,
      requestedAt: ping.requestedAt.toISOString(),
      completedAt: ping.completedAt?.toISOString() ?? null,
      handledBy: ping.handledBy,
    };
  }
}
