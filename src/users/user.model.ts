import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Language, Role, UserEntity } from './user.entity';

registerEnumType(Role, {
  name: 'Role',
  description: 'What a user may do.',
  valuesMap: {
    ENTERPRISE_MEMBER: { description: "Staff of an enterprise: keeps its profile, capabilities and track record; follows opportunities." },
    AGENCY_MEMBER: { description: "Staff of a partner agency: posts and maintains the agency's needs." },
    COORDINATOR: { description: 'Secretariat staff: reviews and approves matches, sees everything.' },
    ADMIN: { description: 'Operator: manages organisations and users.' },
  },
});
registerEnumType(Language, {
  name: 'Language',
  description: 'Language a user reads WaterBridge and its messages in.',
  valuesMap: { EN: { description: 'English.' }, ZH: { description: 'Chinese (简体中文).' } },
});

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
