import { Module } from '@nestjs/common';
import { DirectoryModule } from '@amparo/directory';
import { ConsulatesController } from './consulates.controller';
import { CountriesController } from './countries.controller';
import { MyOrganisationController } from './my-organisation.controller';
import { OfficialsController } from './officials.controller';
import { OrganisationsController } from './organisations.controller';

@Module({
  imports: [DirectoryModule],
  controllers: [
    CountriesController,
    ConsulatesController,
    OfficialsController,
    OrganisationsController,
    MyOrganisationController,
  ],
})
export class DirectoryHttpModule {}
