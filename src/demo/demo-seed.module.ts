import { Module } from '@nestjs/common';
import { DemoSeedService } from './demo-seed.service';
import { DemoResolver } from './demo.resolver';

@Module({ providers: [DemoSeedService, DemoResolver], exports: [DemoSeedService] })
export class DemoSeedModule {}
