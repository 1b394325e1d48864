import { registerEnumType } from '@nestjs/graphql';
import {
  AGE_BANDS,
  AGENCY_KINDS,
  ANSWERS,
  CSE_MODELS,
  EDUCATION_STATUSES,
  ETHNICITIES,
  GENDERS,
  LEGAL_STATUSES,
  PLACEMENT_TYPES,
  PRESENTATIONS,
  RAGS,
  ROLES,
  SEND_STATUSES,
  USER_STATUSES,
} from '@mase/shared';

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

export const GenderEnum = enumObject(GENDERS);
export const EthnicityEnum = enumObject(ETHNICITIES);
export const LegalStatusEnum = enumObject(LEGAL_STATUSES);
export const PlacementTypeEnum = enumObject(PLACEMENT_TYPES);
export const EducationStatusEnum = enumObject(EDUCATION_STATUSES);
export const SendStatusEnum = enumObject(SEND_STATUSES);
export const PresentationEnum = enumObject(PRESENTATIONS);
export const AgeBandEnum = enumObject(AGE_BANDS);
export const RagEnum = enumObject(RAGS);
export const AnswerEnum = enumObject(ANSWERS);
export const CseModelEnum = enumObject(CSE_MODELS);
export const AssessmentStatusEnum = enumObject(['DRAFT', 'AWAITING_SIGN_OFF', 'FINAL'] as const);
export const OutcomeEnum = enumObject(['STRATEGY_DISCUSSION', 'S47_ENQUIRY', 'CHILD_PROTECTION_PLAN', 'CHILD_IN_NEED_PLAN', 'NO_FURTHER_ACTION'] as const);

registerEnumType(GenderEnum, { name: 'Gender' });
registerEnumType(EthnicityEnum, { name: 'Ethnicity', description: 'ONS 2021 ethnic group' });
registerEnumType(LegalStatusEnum, { name: 'LegalStatus' });
registerEnumType(PlacementTypeEnum, { name: 'PlacementType' });
registerEnumType(EducationStatusEnum, { name: 'EducationStatus' });
registerEnumType(SendStatusEnum, { name: 'SendStatus' });
registerEnumType(PresentationEnum, { name: 'Presentation' });
registerEnumType(AgeBandEnum, { name: 'AgeBand' });
registerEnumType(RagEnum, { name: 'Rag' });
registerEnumType(AnswerEnum, { name: 'ScreeningAnswer', description: 'PRESENT, NOT_PRESENT or NOT_KNOWN' });
registerEnumType(CseModelEnum, { name: 'CseModel' });
registerEnumType(AssessmentStatusEnum, { name: 'AssessmentStatus' });
registerEnumType(OutcomeEnum, { name: 'AssessmentOutcome' });
