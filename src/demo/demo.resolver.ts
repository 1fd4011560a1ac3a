import { Query, Resolver } from '@nestjs/graphql';
import { Public } from '../access/access.decorator';
import { DemoAccountModel } from './demo-account.model';
import { DemoSeedService } from './demo-seed.service';

@Resolver()
export class DemoResolver {
  constructor(private readonly demo: DemoSeedService) {}

  @Public()
  @Query(() => [DemoAccountModel], {
    description:
      'One demo account per role, for the sign-in page, when this database holds the demo data (the embedded mode seeds it); empty otherwise. Passwords are never returned.',
  })
  async demoAccounts(): Promise<DemoAccountModel[]> {
    return (await this.demo.isSeeded()) ? this.demo.demoAccounts() : [];
  }
}
