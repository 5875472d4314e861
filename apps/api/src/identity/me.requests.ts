import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

export class UpdateMeRequest {
  @ApiProperty({ enum: ['es', 'en'], description: 'The language the registry speaks to you in' })
  @IsIn(['es', 'en'])
  locale!: 'es' | 'en';
}
