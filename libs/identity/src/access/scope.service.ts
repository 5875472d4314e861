import { Injectable } from '@nestjs/common';
import { Caller } from './caller';
import { Role } from './roles';

/** Everything, or a list: the shape every scoped query takes. */
export type Scope<T> = { all: true } | { all: false; ids: T[] };

/** Turns a caller's grants into the posts and countries they may see, per kind of work. */
@Injectable()
export class ScopeService {
  /** Countries whose users, consulates and directories the caller administers. */
  adminCountries(caller: Caller): Scope<string> {
    if (caller.roles.includes('system_admin')) return { all: true };
    return { all: false, ids: this.countriesOf(caller, ['admin']) };
  }

  /** Countries whose audit events the caller may read. */
  auditCountries(caller: Caller): Scope<string> {
    return this.adminCountries(caller);
  }

  /** Consulates whose cases the caller works (officer, consul). */
  caseConsulates(caller: Caller): string[] {
    return unique(
      caller.grants
        .filter((g) => g.role === 'officer' || g.role === 'consul')
        .map((g) => g.consulateId!),
    );
  }

  /** Countries whose cases the caller supervises. */
  supervisedCountries(caller: Caller): string[] {
    return this.countriesOf(caller, ['supervisor']);
  }

  /** Countries whose aggregates the caller may see. */
  statisticsCountries(caller: Caller): string[] {
    return this.countriesOf(caller, ['analyst', 'supervisor']);
  }

  /** Countries the caller analyses: those of regional exports and of the reports they may read. */
  analystCountries(caller: Caller): string[] {
    return this.countriesOf(caller, ['analyst']);
  }

  private countriesOf(caller: Caller, roles: Role[]): string[] {
    return unique(caller.grants.filter((g) => roles.includes(g.role)).map((g) => g.countryCode!));
  }
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

export function inScope<T>(scope: Scope<T>, id: T | null): boolean {
  return scope.all || (id !== null && scope.ids.includes(id));
}
