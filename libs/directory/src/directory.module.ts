import { Module } from '@nestjs/common';
import { IdentityModule } from '@amparo/identity';
import { ConsulatesService } from './consulates/consulates.service';
import { CountriesService } from './countries/countries.service';
import { ReferenceChecks } from './countries/reference-checks';
import { DirectoryScope } from './directory-scope';
import { OfficialsService } from './officials/officials.service';
import { OrganisationsService } from './organisations/organisations.service';

/** Countries and subdivisions, consulates, accredited officials and referral organisations. */
@Module({
  imports: [IdentityModule],
  providers: [
    ReferenceChecks,
    DirectoryScope,
    CountriesService,
    ConsulatesService,
    OfficialsService,
    OrganisationsService,
  ],
  exports: [
    ReferenceChecks,
    CountriesService,
    ConsulatesService,
    OfficialsService,
    OrganisationsService,
  ],
})
export class DirectoryModule {}
