import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { RequestBudgetRepository } from './request-budget.repository';
import { RequestBudgetService } from './request-budget.service';

@Module({
  imports: [AuthModule],
  providers: [RequestBudgetRepository, RequestBudgetService],
  exports: [RequestBudgetService],
})
export class RequestBudgetModule {}
