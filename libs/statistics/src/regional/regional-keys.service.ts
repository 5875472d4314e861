import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@amparo/audit';
import { DomainError, invalidField } from '@amparo/core';
import { updateReturning } from '@amparo/database';
import { Caller, recordCallerEvent } from '@amparo/identity';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { fingerprintOf, keyIdOf, parsePublicKey, publicKeyPem } from '../export-format';
import './regional-errors';

export interface RegionalKey {
  id: string;
  country: string;
  keyId: string;
  fingerprint: string;
  publicKeyPem: string;
  label: string;
  registeredBy: string;
  registeredAt: Date;
  revokedAt: Date | null;
}

export interface RegisterRegionalKeyInput {
  country: string;
  publicKey: string;
  label: string;
}

const COLUMNS = `id, country_code, key_id, public_key, label, registered_by, registered_at, revoked_at`;

/**
 * The member countries' export keys, as the network secretariat registered them after comparing
 * fingerprints out of band. Public keys only; a revoked key verifies nothing any more.
 */
@Injectable()
export class RegionalKeysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async register(caller: Caller, input: RegisterRegionalKeyInput): Promise<RegionalKey> {
    const key = parsePublicKey(input.publicKey);
    if (!key)
      throw invalidField(
        'publicKey',
        'NOT_AN_ED25519_PUBLIC_KEY',
        'Indique una clave pública Ed25519, en PEM o los 32 bytes en base64.',
        'Give an Ed25519 public key, as PEM or its 32 bytes in base64.',
      );
    const keyId = keyIdOf(key);
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(
        `INSERT INTO regional_keys (country_code, key_id, public_key, label, registered_by)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (country_code, key_id) WHERE revoked_at IS NULL DO NOTHING
         RETURNING ${COLUMNS}`,
        [input.country, keyId, publicKeyPem(key), input.label, caller.userId],
      );
      if (!row)
        throw new DomainError('REGIONAL_KEY_ALREADY_REGISTERED', 'conflict', {
          params: { country: input.country },
        });
      const registered = toKey(row);
      await recordCallerEvent(
        this.audit,
        caller,
        {
          action: 'regional_key.register',
          resourceType: 'regional_key',
          resourceId: registered.id,
          countryCode: registered.country,
          details: { keyId, fingerprint: registered.fingerprint },
        },
        manager,
      );
      return registered;
    });
  }

  async list(): Promise<RegionalKey[]> {
    const rows = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM regional_keys ORDER BY country_code, registered_at DESC`,
    );
    return rows.map(toKey);
  }

  async revoke(caller: Caller, id: string): Promise<RegionalKey> {
    if (!isUUID(id)) throw new DomainError('REGIONAL_KEY_NOT_FOUND', 'not_found');
    return this.dataSource.transaction(async (manager) => {
      const [current] = await manager.query(
        `SELECT ${COLUMNS} FROM regional_keys WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!current) throw new DomainError('REGIONAL_KEY_NOT_FOUND', 'not_found');
      if (current.revoked_at) throw new DomainError('REGIONAL_KEY_REVOKED', 'conflict');
      const [row] = await updateReturning<Record<string, unknown>>(
        manager,
        `UPDATE regional_keys SET revoked_at = now(), revoked_by = $2 WHERE id = $1
         RETURNING ${COLUMNS}`,
        [id, caller.userId],
      );
      const revoked = toKey(row);
      await recordCallerEvent(
        this.audit,
        caller,
        {
          action: 'regional_key.revoke',
          resourceType: 'regional_key',
          resourceId: id,
          countryCode: revoked.country,
          details: { keyId: revoked.keyId },
        },
        manager,
      );
      return revoked;
    });
  }

  /** The live registrations of a key id (one per country it was registered for). */
  async liveByKeyId(
    keyId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RegionalKey[]> {
    const rows = await manager.query(
      `SELECT ${COLUMNS} FROM regional_keys WHERE key_id = $1 AND revoked_at IS NULL`,
      [keyId],
    );
    return rows.map(toKey);
  }
}

function toKey(row: Record<string, unknown>): RegionalKey {
  const pem = row.public_key as string;
  return {
    id: row.id as string,
    country: (row.country_code as string).trim(),
    keyId: row.key_id as string,
    fingerprint: fingerprintOf(parsePublicKey(pem)!),
    publicKeyPem: pem,
    label: row.label as string,
    registeredBy: row.registered_by as string,
    registeredAt: new Date(row.registered_at as string),
    revokedAt: row.revoked_at ? new Date(row.revoked_at as string) : null,
  };
}
