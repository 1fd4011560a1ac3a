import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CountryEntity } from './country.entity';
import { ReferenceDataResolver } from './reference-data.resolver';
import { ReferenceDataService } from './reference-data.service';
import { TaxonomyTermEntity } from './taxonomy-term.entity';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([CountryEntity, TaxonomyTermEntity])],
  providers: [ReferenceDataService, ReferenceDataResolver],
  exports: [ReferenceDataService],
})
export class ReferenceDataModule {}
