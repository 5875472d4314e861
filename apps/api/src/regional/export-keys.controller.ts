import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, RequirePermission } from '@amparo/identity';
import { ExportSigningKey, PublishedExportKeys } from '@amparo/statistics';
import { Response } from 'express';
import { ExportSigningKeyResponse, PublishedExportKeysResponse } from './regional.responses';

/** The deployment's export signing key: published for verifiers, shown to admins to read aloud. */
@ApiTags('regional')
@Controller()
export class ExportKeysController {
  constructor(
    private readonly published: PublishedExportKeys,
    private readonly signingKey: ExportSigningKey,
  ) {}

  @Get('.well-known/amparo-export-keys.json')
  @Public('A public key and country codes, for anyone verifying this deployment’s exports')
  @ApiOperation({
    summary: "This deployment's countries and export verification key (public, cacheable)",
  })
  @ApiOkResponse({ type: PublishedExportKeysResponse })
  async wellKnown(@Res({ passthrough: true }) res: Response): Promise<PublishedExportKeysResponse> {
    const document = await this.published.document();
    // Public and the same for everyone; a key changes rarely, and then the fingerprint is
    // exchanged out of band anyway.
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.setHeader('Access-Control-Allow-Origin', '*');
    return document;
  }

  @Get('system/export-signing-key')
  @RequirePermission('export_signing_key:read')
  @ApiOperation({
    summary: "This deployment's export signing key: id, public key and fingerprint to read aloud",
  })
  @ApiOkResponse({ type: ExportSigningKeyResponse })
  async current(): Promise<ExportSigningKeyResponse> {
    const { countries } = await this.published.document();
    return { ...this.signingKey.publicKey(), countries };
  }
}
