import { Check, Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type SystemPingStatus = 'queued' | 'completed';

@Entity({ name: 'system_pings' })
@Check('ck_system_pings_status', `status IN ('queued', 'completed')`)
@Check('ck_system_pings_delay_ms', 'delay_ms BETWEEN 0 AND 5000')
export class SystemPing {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_system_pings' })
  id!: string;

  @Column({ type: 'text', default: 'queued' })
  status!: SystemPingStatus;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  requestedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  handledBy!: string | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  /** How long the job pretends to work; lets tests and operators watch a job in flight. */
  @Column({ type: 'integer', default: 0 })
  delayMs!: number;
}
