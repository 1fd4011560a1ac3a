import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../common/pagination';
import { UserEntity } from './user.entity';
import { Language, Role } from '../access/actor';

@ObjectType('User', { description: 'A person who signs in to WaterBridge, member of one organisation.' })
export class UserModel {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field({ description: 'E-mail address, used to sign in (lower case).' })
  email: string;

  @Field({ description: 'Name shown to others.' })
  displayName: string;

  @Field(() => Language, { description: 'Language of the interface and of messages.' })
  preferredLanguage: Language;

  @Field(() => Role, { description: 'What the user may do.' })
  role: Role;

  @Field({ description: 'Whether the user may sign in.' })
  active: boolean;

  organizationId: string;

  @Field({ description: 'When the account was created.' })
  createdAt: Date;
}

export function toUserModel(entity: UserEntity): UserModel {
  return {
    id: entity.id,
    email: entity.email,
    displayName: entity.displayName,
    preferredLanguage: entity.preferredLanguage,
    role: entity.role,
    active: entity.active,
    organizationId: entity.organizationId,
    createdAt: entity.createdAt,
  };
}

export const UserConnection = ConnectionType(UserModel, 'User');
