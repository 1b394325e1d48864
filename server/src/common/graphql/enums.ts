import { registerEnumType } from '@nestjs/graphql';
import { AGENCY_KINDS, ROLES, USER_STATUSES } from '@mase/shared';

/** Turns one of the shared vocabularies into the object form GraphQL enums are registered from. */
export function enumObject<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const RoleEnum = enumObject(ROLES);
export const AgencyKindEnum = enumObject(AGENCY_KINDS);
export const UserStatusEnum = enumObject(USER_STATUSES);

registerEnumType(RoleEnum, { name: 'Role', description: 'What a user may see and do' });
registerEnumType(AgencyKindEnum, { name: 'AgencyKind', description: 'Kind of member agency' });
registerEnumType(UserStatusEnum, { name: 'UserStatus' });
