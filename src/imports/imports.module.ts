import { Module } from '@nestjs/common';
import { GcdfImportService } from './gcdf-import.service';

@Module({ providers: [GcdfImportService], exports: [GcdfImportService] })
export class ImportsModule {}
