import { ApiProperty } from '@nestjs/swagger';

export class LocalizedText {
  @ApiProperty() es!: string;
  @ApiProperty() en!: string;
}

export class RegionalKeyResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() country!: string;
  @ApiProperty({ pattern: '^[0-9a-f]{16}$' }) keyId!: string;
  @ApiProperty({ description: 'SHA-256 of the raw public key, in groups of four hex digits' })
  fingerprint!: string;
  @ApiProperty() publicKeyPem!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ format: 'uuid' }) registeredBy!: string;
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt!: string | null;
}

export class RegionalExportResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: [String] }) countries!: string[];
  @ApiProperty({ example: '2026-S2' }) semester!: string;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty() keyId!: string;
  @ApiProperty() fingerprint!: string;
  @ApiProperty({ description: 'SHA-256 of the file, hex' }) sha256!: string;
  @ApiProperty({ format: 'uuid', description: 'The export id in its national deployment' })
  sourceExportId!: string;
  @ApiProperty({ type: [String] }) measures!: string[];
  @ApiProperty({ type: [String] }) dimensions!: string[];
  @ApiProperty({ format: 'uuid' }) uploadedBy!: string;
  @ApiProperty({ format: 'date-time' }) uploadedAt!: string;
}

export class RegionalExportListResponse {
  @ApiProperty({ type: [RegionalExportResponse] }) items!: RegionalExportResponse[];
}

export class RegionalKeyListResponse {
  @ApiProperty({ type: [RegionalKeyResponse] }) items!: RegionalKeyResponse[];
}

export class CountryReportingResponse {
  @ApiProperty() country!: string;
  @ApiProperty() reported!: boolean;
  @ApiProperty({ type: 'integer' }) exports!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastUploadedAt!: string | null;
}

export class RegionalReportingResponse {
  @ApiProperty() semester!: string;
  @ApiProperty({ type: [CountryReportingResponse] }) countries!: CountryReportingResponse[];
}

export class RegionalCellResponse {
  @ApiProperty() country!: string;
  @ApiProperty({ type: 'number', nullable: true, description: 'Null when suppressed' })
  value!: number | null;
  @ApiProperty() suppressed!: boolean;
}

export class RegionalTotalResponse {
  @ApiProperty({ type: 'number', nullable: true }) value!: number | null;
  @ApiProperty() suppressed!: boolean;
}

export class RegionalRowResponse {
  @ApiProperty({ type: [String], description: 'One code per dimension; `_T` is the total' })
  codes!: string[];
  @ApiProperty({ type: [RegionalCellResponse] }) cells!: RegionalCellResponse[];
  @ApiProperty({ type: RegionalTotalResponse }) total!: RegionalTotalResponse;
}

export class RegionalDimensionResponse {
  @ApiProperty() id!: string;
  @ApiProperty() column!: string;
  @ApiProperty({ type: LocalizedText }) label!: LocalizedText;
}

export class RegionalCodeResponse {
  @ApiProperty() code!: string;
  @ApiProperty({ type: LocalizedText }) label!: LocalizedText;
}

export class RegionalDimensionCodesResponse {
  @ApiProperty() column!: string;
  @ApiProperty({ type: [RegionalCodeResponse] }) codes!: RegionalCodeResponse[];
}

export class RegionalSourceResponse {
  @ApiProperty({ format: 'uuid' }) regionalExportId!: string;
  @ApiProperty({ type: [String] }) countries!: string[];
  @ApiProperty() sha256!: string;
  @ApiProperty() keyId!: string;
}

export class RegionalExcludedResponse {
  @ApiProperty({ format: 'uuid' }) regionalExportId!: string;
  @ApiProperty({ type: [String] }) countries!: string[];
}

export class RegionalConsolidationResponse {
  @ApiProperty() semester!: string;
  @ApiProperty() measure!: string;
  @ApiProperty({ type: 'integer' }) k!: number;
  @ApiProperty({
    description:
      'False for a median: each country as it published it, no regional total (every total null and not suppressed)',
  })
  additive!: boolean;
  @ApiProperty({ type: [RegionalDimensionResponse] }) dimensions!: RegionalDimensionResponse[];
  @ApiProperty({ type: [RegionalDimensionCodesResponse] })
  codes!: RegionalDimensionCodesResponse[];
  @ApiProperty({ type: [String] }) countries!: string[];
  @ApiProperty({ type: [RegionalRowResponse] }) rows!: RegionalRowResponse[];
  @ApiProperty({ type: [RegionalSourceResponse] }) sources!: RegionalSourceResponse[];
  @ApiProperty({ type: [RegionalExcludedResponse] }) excluded!: RegionalExcludedResponse[];
}

export class PublishedExportKeyResponse {
  @ApiProperty({ pattern: '^[0-9a-f]{16}$' }) keyId!: string;
  @ApiProperty({ enum: ['Ed25519'] }) algorithm!: 'Ed25519';
  @ApiProperty({ description: 'SPKI PEM' }) publicKeyPem!: string;
  @ApiProperty({ description: 'The 32 raw bytes, base64' }) publicKey!: string;
}

export class PublishedExportKeysResponse {
  @ApiProperty({ type: [String], description: 'The sending countries this deployment serves' })
  countries!: string[];
  @ApiProperty({ type: [PublishedExportKeyResponse] }) keys!: PublishedExportKeyResponse[];
}

export class ExportSigningKeyResponse extends PublishedExportKeyResponse {
  @ApiProperty({
    description: 'SHA-256 of the raw public key in groups of four hex digits, to read aloud',
  })
  fingerprint!: string;
  @ApiProperty({ type: [String] }) countries!: string[];
}
