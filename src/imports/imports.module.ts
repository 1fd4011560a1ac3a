import { Module } from '@nestjs/common';
import { GcdfImportRepository } from './gcdf-import.repository';
import { GcdfImportService } from './gcdf-import.service';

@Module({ providers: [GcdfImportService, GcdfImportRepository], exports: [GcdfImportService, GcdfImportRepository] })
export class ImportsModule {}
