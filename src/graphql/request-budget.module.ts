import { Module } from '@nestjs/common';
import { RequestBudgetRepository } from './request-budget.repository';
import { RequestBudgetService } from './request-budget.service';

@Module({
  providers: [RequestBudgetRepository, RequestBudgetService],
  exports: [RequestBudgetService],
})
export class RequestBudgetModule {}
