import { Field, ObjectType } from '@nestjs/graphql';
import { Role } from '../access/actor';

@ObjectType('DemoAccount', { description: 'An account of the demo data to try a role with (its password is printed at start).' })
export class DemoAccountModel {
  @Field(() => Role, { description: 'What the account may do.' })
  role: Role;

  @Field({ description: 'Its e-mail, to sign in with.' })
  email: string;

  @Field({ description: 'The demo organisation it belongs to.' })
  organization: string;
}
