import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ExportPublicKey, ExportSigningKey } from './export-signing-key';

/** The document at /.well-known/amparo-export-keys.json. */
export interface PublishedExportKeysDocument {
  /** The sending countries this deployment serves (those with posts in its directory). */
  countries: string[];
  keys: Omit<ExportPublicKey, 'fingerprint'>[];
}

/** What a deployment publishes so that others can verify its exports. */
@Injectable()
export class PublishedExportKeys {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly signingKey: ExportSigningKey,
  ) {}

  async document(): Promise<PublishedExportKeysDocument> {
    const rows: { country: string }[] = await this.dataSource.query(
      `SELECT DISTINCT sending_country_code::text AS country FROM consulates_for_statistics ORDER BY 1`,
    );
    const { keyId, algorithm, publicKeyPem, publicKey } = this.signingKey.publicKey();
    return {
      countries: rows.map((r) => r.country.trim()),
      keys: [{ keyId, algorithm, publicKeyPem, publicKey }],
    };
  }
}
