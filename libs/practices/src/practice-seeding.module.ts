import { Module } from '@nestjs/common';
import { PracticeSeeding } from './practice-seeding';

/** The demo's writer of published entries alone: the seeding script needs no cases context. */
@Module({ providers: [PracticeSeeding], exports: [PracticeSeeding] })
export class PracticeSeedingModule {}
