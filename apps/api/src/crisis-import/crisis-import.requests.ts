import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class ImportReportQuery {
  @ApiPropertyOptional({ enum: ['csv'], default: 'csv' })
  @IsOptional()
  @IsIn(['csv'])
  format?: 'csv';

  @ApiPropertyOptional({ enum: ['es', 'en'], description: "Default: the caller's language" })
  @IsOptional()
  @IsIn(['es', 'en'])
  lang?: 'es' | 'en';
}

export class ImportTemplateQuery {
  @ApiPropertyOptional({ enum: ['csv', 'xlsx'], default: 'csv' })
  @IsOptional()
  @IsIn(['csv', 'xlsx'])
  format?: 'csv' | 'xlsx';

  @ApiPropertyOptional({ enum: ['es', 'en'], description: "Default: the caller's language" })
  @IsOptional()
  @IsIn(['es', 'en'])
  lang?: 'es' | 'en';
}
