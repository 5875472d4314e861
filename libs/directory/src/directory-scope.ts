import { Injectable } from '@nestjs/common';
import { DomainError } from '@amparo/core';
import { Caller, ScopeService, inScope } from '@amparo/identity';

/** Directory records are managed by the admins of their country, or by a system_admin. */
@Injectable()
export class DirectoryScope {
  constructor(private readonly scopes: ScopeService) {}

  assertManages(caller: Caller, countryCode: string | null): void {
    if (!inScope(this.scopes.adminCountries(caller), countryCode)) {
      throw new DomainError('OUTSIDE_YOUR_COUNTRY', 'forbidden');
    }
  }
}
