import { Language, Role } from '../users/user.entity';

/** Who performs a request: the signed-in user, as read from a verified token and the database. */
export interface Actor {
  userId: string;
  organizationId: string;
  role: Role;
  /** The user's language, for texts made for this request (explanations); English when unknown. */
  language?: Language;
}

export const isStaff = (actor: Actor | null): boolean => actor?.role === Role.COORDINATOR || actor?.role === Role.ADMIN;
