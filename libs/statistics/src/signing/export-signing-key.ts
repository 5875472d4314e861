import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@amparo/core';
import { KeyObject, createPublicKey } from 'node:crypto';
import {
  EXPORT_SIGNATURE_ALGORITHM,
  ExportSignature,
  fingerprintOf,
  keyIdOf,
  publicKeyPem,
  rawPublicKey,
  signExportBytes,
} from '../export-format/export-signature';
import { loadExportSigningKey } from './load-export-signing-key';

/** What anyone may know of the deployment's export key. */
export interface ExportPublicKey {
  keyId: string;
  algorithm: typeof EXPORT_SIGNATURE_ALGORITHM;
  publicKeyPem: string;
  /** The 32 raw bytes, base64. */
  publicKey: string;
  fingerprint: string;
}

/**
 * The deployment's export signing key, loaded (or generated) when the module starts so that a
 * bad key stops the start-up rather than the first export.
 */
@Injectable()
export class ExportSigningKey implements OnModuleInit {
  private privateKey?: KeyObject;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  onModuleInit(): void {
    this.key();
  }

  sign(bytes: Buffer, countries: readonly string[]): ExportSignature {
    return signExportBytes(bytes, this.key(), countries);
  }

  publicKey(): ExportPublicKey {
    const key = createPublicKey(this.key());
    return {
      keyId: keyIdOf(key),
      algorithm: EXPORT_SIGNATURE_ALGORITHM,
      publicKeyPem: publicKeyPem(key),
      publicKey: rawPublicKey(key).toString('base64'),
      fingerprint: fingerprintOf(key),
    };
  }

  private key(): KeyObject {
    // Required lazily too: tests build the provider without starting the module.
    this.privateKey ??= loadExportSigningKey(
      this.config.exports.signingKey,
      this.config.exports.signingKeyFile,
    );
    return this.privateKey;
  }
}
