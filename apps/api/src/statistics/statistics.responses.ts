import { ApiProperty } from '@nestjs/swagger';
import { EXPORT_FORMATS, EXPORT_KINDS, MEASURE_IDS } from '@amparo/statistics';
import { BilingualResponse } from '../http/bilingual.response';

export class StatisticsMeasureResponse {
  @ApiProperty({ enum: MEASURE_IDS }) id!: string;
  @ApiProperty({ type: BilingualResponse }) label!: BilingualResponse;
}

export class StatisticsScopeResponse {
  @ApiProperty({ type: [String], description: 'ISO 3166-1 alpha-2' }) countries!: string[];
  @ApiProperty({ type: [String], description: 'Empty when whole countries are in scope' })
  consulateIds!: string[];
}

export class DisclosureResponse {
  @ApiProperty({ description: 'The rule applied to every published count' }) rule!: string;
  @ApiProperty() method!: string;
  @ApiProperty({ type: 'integer', description: 'Counts from 1 to k−1 are suppressed' }) k!: number;
}

export class StatisticsCodeResponse {
  @ApiProperty() code!: string;
  @ApiProperty({ type: BilingualResponse }) label!: BilingualResponse;
}

export class StatisticsDimensionResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ type: BilingualResponse }) label!: BilingualResponse;
  @ApiProperty({ type: [StatisticsCodeResponse] }) codes!: StatisticsCodeResponse[];
}

export class StatisticsCellResponse {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Dimension id → code; `_T` is the total of that dimension',
  })
  coordinates!: Record<string, string>;
  @ApiProperty({ type: 'integer', nullable: true, description: 'null when suppressed' })
  value!: number | null;
  @ApiProperty() suppressed!: boolean;
}

export class StatisticsResponse {
  @ApiProperty({ type: StatisticsMeasureResponse }) measure!: StatisticsMeasureResponse;
  @ApiProperty() period!: string;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    description: 'Filter id → codes',
  })
  filters!: Record<string, string[]>;
  @ApiProperty({ type: StatisticsScopeResponse }) scope!: StatisticsScopeResponse;
  @ApiProperty({ type: DisclosureResponse }) disclosure!: DisclosureResponse;
  @ApiProperty({ type: [StatisticsDimensionResponse] }) dimensions!: StatisticsDimensionResponse[];
  @ApiProperty({
    type: [StatisticsCellResponse],
    description: 'Every inner cell and margin; a suppressed cell has value null',
  })
  cells!: StatisticsCellResponse[];
}

export class ExportFailureResponse {
  @ApiProperty() code!: string;
  @ApiProperty({ type: BilingualResponse }) message!: BilingualResponse;
}

export class ExportResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: EXPORT_KINDS }) kind!: string;
  @ApiProperty({ enum: EXPORT_FORMATS }) format!: string;
  @ApiProperty({ enum: ['es', 'en'] }) language!: string;
  @ApiProperty({ enum: ['queued', 'running', 'completed', 'failed', 'expired'] }) status!: string;
  @ApiProperty({ type: 'number', minimum: 0, maximum: 100, description: 'Percent done' })
  progress!: number;
  @ApiProperty({ type: 'integer', nullable: true }) rowCount!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) byteSize!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'Hex SHA-256 of the file' })
  sha256!: string | null;
  @ApiProperty({ type: ExportFailureResponse, nullable: true })
  failure!: ExportFailureResponse | null;
  @ApiProperty({ enum: MEASURE_IDS, isArray: true }) measures!: readonly string[];
  @ApiProperty({ type: [String] }) dimensions!: readonly string[];
  @ApiProperty() period!: string;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    description: 'Filter id → codes',
  })
  filters!: Record<string, string[] | undefined>;
  @ApiProperty({ type: StatisticsScopeResponse })
  scope!: { countries: readonly string[]; consulateIds: readonly string[] };
  @ApiProperty({ description: 'Produced by the semester schedule, not requested' })
  scheduled!: boolean;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Where to download it, once completed',
  })
  fileUrl!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      "Where to get the file's detached signature, once completed (null: produced unsigned)",
  })
  signatureUrl!: string | null;
}

/** The `.sig` document of an export file (docs/regional.md). */
export class ExportSignatureResponse {
  @ApiProperty({ pattern: '^[0-9a-f]{16}$', description: 'First 16 hex of SHA-256 of the raw key' })
  keyId!: string;
  @ApiProperty({ enum: ['Ed25519'] }) algorithm!: 'Ed25519';
  @ApiProperty({ description: 'Ed25519 signature of the exact bytes of the file, base64' })
  signature!: string;
  @ApiProperty({ description: 'ISO 3166 code of the country the export speaks for' })
  country!: string;
  @ApiProperty({ type: [String] }) countries!: string[];
  @ApiProperty({ pattern: '^[0-9a-f]{64}$' }) sha256!: string;
}
