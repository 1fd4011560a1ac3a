import { registerEnumType } from '@nestjs/graphql';

/** What a user may do: every access rule reads it. */
export enum Role {
  ENTERPRISE_MEMBER = 'ENTERPRISE_MEMBER',
  AGENCY_MEMBER = 'AGENCY_MEMBER',
  COORDINATOR = 'COORDINATOR',
  ADMIN = 'ADMIN',
}

/** The language a user reads WaterBridge in. */
export enum Language {
  EN = 'EN',
  ZH = 'ZH',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'What a user may do.',
  valuesMap: {
    ENTERPRISE_MEMBER: { description: 'Staff of an enterprise: keeps its profile, capabilities and track record; follows opportunities.' },
    AGENCY_MEMBER: {
      description: "Staff of a partner agency or a joint research centre: posts and maintains the organisation's needs.",
    },
    COORDINATOR: { description: 'Secretariat staff: reviews and approves matches, sees everything.' },
    ADMIN: { description: 'Operator: manages organisations and users.' },
  },
});
registerEnumType(Language, {
  name: 'Language',
  description: 'Language a user reads WaterBridge and its messages in.',
  valuesMap: { EN: { description: 'English.' }, ZH: { description: 'Chinese (简体中文).' } },
});

/** Who performs a request: the signed-in user, as read from a verified token and the database. */
export interface Actor {
  userId: string;
  organizationId: string;
  role: Role;
  /** The user's language, for texts made for this request (explanations); English when unknown. */
  language?: Language;
}

export const isStaff = (actor: Actor | null): boolean => actor?.role === Role.COORDINATOR || actor?.role === Role.ADMIN;
