import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDate,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { NotBlank } from '@amparo/core';
import { MOVEMENT_MODES, MovementMode } from '@amparo/crisis';

export class CreateMovementRequest {
  @ApiProperty({ enum: MOVEMENT_MODES }) @IsIn(MOVEMENT_MODES) mode!: MovementMode;

  @ApiProperty({ maxLength: 100, example: 'AM 401' })
  @IsString()
  @NotBlank()
  @MaxLength(100)
  label!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  @Type(() => Date)
  @IsDate()
  departsAt!: Date;

  @ApiProperty({ maxLength: 200, example: 'MIA' })
  @IsString()
  @NotBlank()
  @MaxLength(200)
  from!: string;

  @ApiProperty({ maxLength: 200, example: 'MEX' })
  @IsString()
  @NotBlank()
  @MaxLength(200)
  to!: string;
}

export class AddPassengersRequest {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: 1000 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  entryIds!: string[];
}

export class ManifestQuery {
  @ApiPropertyOptional({ enum: ['csv', 'pdf'], default: 'csv' })
  @IsOptional()
  @IsIn(['csv', 'pdf'])
  format?: 'csv' | 'pdf';

  @ApiPropertyOptional({
    enum: ['es', 'en'],
    description: "Language of the headers; the caller's by default",
  })
  @IsOptional()
  @IsIn(['es', 'en'])
  lang?: 'es' | 'en';
}
