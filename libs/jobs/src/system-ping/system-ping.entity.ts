import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type SystemPingStatus = 'queued' | 'completed';

@Entity({ name: 'system_pings' })
export class SystemPing {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  status!: SystemPingStatus;

  @Column({ type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  handledBy!: string | null;

  @Column({ type: 'integer' })
  attempts!: number;

  /** How long the job pretends to work; lets tests and operators watch a job in flight. */
  @Column({ type: 'integer' })
  delayMs!: number;
}
