/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "fragment SessionUser on User {\n  id\n  name\n  email\n  role\n  status\n  mustChangePassword\n  version\n  agency {\n    id\n    name\n    kind\n  }\n}\n\nquery Me {\n  me {\n    ...SessionUser\n  }\n}": typeof types.SessionUserFragmentDoc,
    "fragment AgencyRow on Agency {\n  id\n  name\n  kind\n  active\n  version\n  createdAt\n  updatedAt\n}\n\nquery Agencies {\n  agencies(includeInactive: true) {\n    ...AgencyRow\n  }\n}\n\nquery Agency($id: ID!) {\n  agency(id: $id) {\n    ...AgencyRow\n  }\n}\n\nmutation CreateAgency($input: CreateAgencyInput!) {\n  createAgency(input: $input) {\n    ...AgencyRow\n  }\n}\n\nmutation UpdateAgency($input: UpdateAgencyInput!) {\n  updateAgency(input: $input) {\n    ...AgencyRow\n  }\n}": typeof types.AgencyRowFragmentDoc,
    "query AuditChainStatus {\n  auditChainStatus {\n    ok\n    events\n    brokenAtSeq\n    problem\n    checkedAt\n  }\n}\n\nquery AuditActions {\n  auditActions\n}\n\nquery AuditEvents($filter: AuditFilterInput, $page: PageInput) {\n  auditEvents(filter: $filter, page: $page) {\n    nodes {\n      seq\n      occurredAt\n      action\n      actorLabel\n      actorRole\n      actorUserId\n      entityType\n      entityId\n      ipAddress\n      reason\n      details\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n  }\n}": typeof types.AuditChainStatusDocument,
    "fragment UserRow on User {\n  id\n  name\n  email\n  role\n  status\n  lastSignedInAt\n  mustChangePassword\n  version\n  createdAt\n  updatedAt\n  agency {\n    id\n    name\n    kind\n    active\n  }\n}\n\nquery Users($filter: UsersFilter, $page: PageInput) {\n  users(filter: $filter, page: $page) {\n    nodes {\n      ...UserRow\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n  }\n}\n\nquery User($id: ID!) {\n  user(id: $id) {\n    ...UserRow\n  }\n}\n\nquery AgencyOptions {\n  agencies {\n    id\n    name\n    kind\n    active\n  }\n}\n\nmutation CreateUser($input: CreateUserInput!) {\n  createUser(input: $input) {\n    temporaryPassword\n    user {\n      ...UserRow\n    }\n  }\n}\n\nmutation UpdateUser($input: UpdateUserInput!) {\n  updateUser(input: $input) {\n    ...UserRow\n  }\n}\n\nmutation SetUserStatus($input: SetUserStatusInput!) {\n  setUserStatus(input: $input) {\n    ...UserRow\n  }\n}\n\nmutation ResetUserPassword($id: ID!) {\n  resetUserPassword(id: $id) {\n    temporaryPassword\n    user {\n      ...UserRow\n    }\n  }\n}": typeof types.UserRowFragmentDoc,
    "mutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    ...SessionUser\n  }\n}\n\nmutation SignOut {\n  signOut\n}\n\nmutation ChangePassword($input: ChangePasswordInput!) {\n  changePassword(input: $input) {\n    ...SessionUser\n  }\n}": typeof types.SignInDocument,
};
const documents: Documents = {
    "fragment SessionUser on User {\n  id\n  name\n  email\n  role\n  status\n  mustChangePassword\n  version\n  agency {\n    id\n    name\n    kind\n  }\n}\n\nquery Me {\n  me {\n    ...SessionUser\n  }\n}": types.SessionUserFragmentDoc,
    "fragment AgencyRow on Agency {\n  id\n  name\n  kind\n  active\n  version\n  createdAt\n  updatedAt\n}\n\nquery Agencies {\n  agencies(includeInactive: true) {\n    ...AgencyRow\n  }\n}\n\nquery Agency($id: ID!) {\n  agency(id: $id) {\n    ...AgencyRow\n  }\n}\n\nmutation CreateAgency($input: CreateAgencyInput!) {\n  createAgency(input: $input) {\n    ...AgencyRow\n  }\n}\n\nmutation UpdateAgency($input: UpdateAgencyInput!) {\n  updateAgency(input: $input) {\n    ...AgencyRow\n  }\n}": types.AgencyRowFragmentDoc,
    "query AuditChainStatus {\n  auditChainStatus {\n    ok\n    events\n    brokenAtSeq\n    problem\n    checkedAt\n  }\n}\n\nquery AuditActions {\n  auditActions\n}\n\nquery AuditEvents($filter: AuditFilterInput, $page: PageInput) {\n  auditEvents(filter: $filter, page: $page) {\n    nodes {\n      seq\n      occurredAt\n      action\n      actorLabel\n      actorRole\n      actorUserId\n      entityType\n      entityId\n      ipAddress\n      reason\n      details\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n  }\n}": types.AuditChainStatusDocument,
    "fragment UserRow on User {\n  id\n  name\n  email\n  role\n  status\n  lastSignedInAt\n  mustChangePassword\n  version\n  createdAt\n  updatedAt\n  agency {\n    id\n    name\n    kind\n    active\n  }\n}\n\nquery Users($filter: UsersFilter, $page: PageInput) {\n  users(filter: $filter, page: $page) {\n    nodes {\n      ...UserRow\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n  }\n}\n\nquery User($id: ID!) {\n  user(id: $id) {\n    ...UserRow\n  }\n}\n\nquery AgencyOptions {\n  agencies {\n    id\n    name\n    kind\n    active\n  }\n}\n\nmutation CreateUser($input: CreateUserInput!) {\n  createUser(input: $input) {\n    temporaryPassword\n    user {\n      ...UserRow\n    }\n  }\n}\n\nmutation UpdateUser($input: UpdateUserInput!) {\n  updateUser(input: $input) {\n    ...UserRow\n  }\n}\n\nmutation SetUserStatus($input: SetUserStatusInput!) {\n  setUserStatus(input: $input) {\n    ...UserRow\n  }\n}\n\nmutation ResetUserPassword($id: ID!) {\n  resetUserPassword(id: $id) {\n    temporaryPassword\n    user {\n      ...UserRow\n    }\n  }\n}": types.UserRowFragmentDoc,
    "mutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    ...SessionUser\n  }\n}\n\nmutation SignOut {\n  signOut\n}\n\nmutation ChangePassword($input: ChangePasswordInput!) {\n  changePassword(input: $input) {\n    ...SessionUser\n  }\n}": types.SignInDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment SessionUser on User {\n  id\n  name\n  email\n  role\n  status\n  mustChangePassword\n  version\n  agency {\n    id\n    name\n    kind\n  }\n}\n\nquery Me {\n  me {\n    ...SessionUser\n  }\n}"): (typeof documents)["fragment SessionUser on User {\n  id\n  name\n  email\n  role\n  status\n  mustChangePassword\n  version\n  agency {\n    id\n    name\n    kind\n  }\n}\n\nquery Me {\n  me {\n    ...SessionUser\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment AgencyRow on Agency {\n  id\n  name\n  kind\n  active\n  version\n  createdAt\n  updatedAt\n}\n\nquery Agencies {\n  agencies(includeInactive: true) {\n    ...AgencyRow\n  }\n}\n\nquery Agency($id: ID!) {\n  agency(id: $id) {\n    ...AgencyRow\n  }\n}\n\nmutation CreateAgency($input: CreateAgencyInput!) {\n  createAgency(input: $input) {\n    ...AgencyRow\n  }\n}\n\nmutation UpdateAgency($input: UpdateAgencyInput!) {\n  updateAgency(input: $input) {\n    ...AgencyRow\n  }\n}"): (typeof documents)["fragment AgencyRow on Agency {\n  id\n  name\n  kind\n  active\n  version\n  createdAt\n  updatedAt\n}\n\nquery Agencies {\n  agencies(includeInactive: true) {\n    ...AgencyRow\n  }\n}\n\nquery Agency($id: ID!) {\n  agency(id: $id) {\n    ...AgencyRow\n  }\n}\n\nmutation CreateAgency($input: CreateAgencyInput!) {\n  createAgency(input: $input) {\n    ...AgencyRow\n  }\n}\n\nmutation UpdateAgency($input: UpdateAgencyInput!) {\n  updateAgency(input: $input) {\n    ...AgencyRow\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AuditChainStatus {\n  auditChainStatus {\n    ok\n    events\n    brokenAtSeq\n    problem\n    checkedAt\n  }\n}\n\nquery AuditActions {\n  auditActions\n}\n\nquery AuditEvents($filter: AuditFilterInput, $page: PageInput) {\n  auditEvents(filter: $filter, page: $page) {\n    nodes {\n      seq\n      occurredAt\n      action\n      actorLabel\n      actorRole\n      actorUserId\n      entityType\n      entityId\n      ipAddress\n      reason\n      details\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n  }\n}"): (typeof documents)["query AuditChainStatus {\n  auditChainStatus {\n    ok\n    events\n    brokenAtSeq\n    problem\n    checkedAt\n  }\n}\n\nquery AuditActions {\n  auditActions\n}\n\nquery AuditEvents($filter: AuditFilterInput, $page: PageInput) {\n  auditEvents(filter: $filter, page: $page) {\n    nodes {\n      seq\n      occurredAt\n      action\n      actorLabel\n      actorRole\n      actorUserId\n      entityType\n      entityId\n      ipAddress\n      reason\n      details\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment UserRow on User {\n  id\n  name\n  email\n  role\n  status\n  lastSignedInAt\n  mustChangePassword\n  version\n  createdAt\n  updatedAt\n  agency {\n    id\n    name\n    kind\n    active\n  }\n}\n\nquery Users($filter: UsersFilter, $page: PageInput) {\n  users(filter: $filter, page: $page) {\n    nodes {\n      ...UserRow\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n  }\n}\n\nquery User($id: ID!) {\n  user(id: $id) {\n    ...UserRow\n  }\n}\n\nquery AgencyOptions {\n  agencies {\n    id\n    name\n    kind\n    active\n  }\n}\n\nmutation CreateUser($input: CreateUserInput!) {\n  createUser(input: $input) {\n    temporaryPassword\n    user {\n      ...UserRow\n    }\n  }\n}\n\nmutation UpdateUser($input: UpdateUserInput!) {\n  updateUser(input: $input) {\n    ...UserRow\n  }\n}\n\nmutation SetUserStatus($input: SetUserStatusInput!) {\n  setUserStatus(input: $input) {\n    ...UserRow\n  }\n}\n\nmutation ResetUserPassword($id: ID!) {\n  resetUserPassword(id: $id) {\n    temporaryPassword\n    user {\n      ...UserRow\n    }\n  }\n}"): (typeof documents)["fragment UserRow on User {\n  id\n  name\n  email\n  role\n  status\n  lastSignedInAt\n  mustChangePassword\n  version\n  createdAt\n  updatedAt\n  agency {\n    id\n    name\n    kind\n    active\n  }\n}\n\nquery Users($filter: UsersFilter, $page: PageInput) {\n  users(filter: $filter, page: $page) {\n    nodes {\n      ...UserRow\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n  }\n}\n\nquery User($id: ID!) {\n  user(id: $id) {\n    ...UserRow\n  }\n}\n\nquery AgencyOptions {\n  agencies {\n    id\n    name\n    kind\n    active\n  }\n}\n\nmutation CreateUser($input: CreateUserInput!) {\n  createUser(input: $input) {\n    temporaryPassword\n    user {\n      ...UserRow\n    }\n  }\n}\n\nmutation UpdateUser($input: UpdateUserInput!) {\n  updateUser(input: $input) {\n    ...UserRow\n  }\n}\n\nmutation SetUserStatus($input: SetUserStatusInput!) {\n  setUserStatus(input: $input) {\n    ...UserRow\n  }\n}\n\nmutation ResetUserPassword($id: ID!) {\n  resetUserPassword(id: $id) {\n    temporaryPassword\n    user {\n      ...UserRow\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    ...SessionUser\n  }\n}\n\nmutation SignOut {\n  signOut\n}\n\nmutation ChangePassword($input: ChangePasswordInput!) {\n  changePassword(input: $input) {\n    ...SessionUser\n  }\n}"): (typeof documents)["mutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    ...SessionUser\n  }\n}\n\nmutation SignOut {\n  signOut\n}\n\nmutation ChangePassword($input: ChangePasswordInput!) {\n  changePassword(input: $input) {\n    ...SessionUser\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;