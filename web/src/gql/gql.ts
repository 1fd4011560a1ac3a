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
    "\n  query SearchNeeds($query: String, $countryCode: String, $first: Int!, $after: String) {\n    searchNeeds(query: $query, countryCode: $countryCode, first: $first, after: $after) {\n      totalCount\n      facets {\n        field\n        values {\n          value\n          count\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        highlights {\n          title\n          snippet\n        }\n        node {\n          id\n          title\n          status\n          budgetMin\n          budgetMax\n          currency\n          deadline\n          publishedAt\n          country {\n            code\n            nameEn\n            nameZh\n          }\n          sector {\n            labelEn\n            labelZh\n          }\n          organization {\n            id\n            nameEn\n            nameZh\n          }\n        }\n      }\n    }\n  }\n": typeof types.SearchNeedsDocument,
    "\n  query NeedPage($id: ID!) {\n    need(id: $id) {\n      id\n      title\n      description\n      status\n      budgetMin\n      budgetMax\n      currency\n      deadline\n      publishedAt\n      financier\n      populationServed\n      site\n      country {\n        code\n        nameEn\n        nameZh\n      }\n      sector {\n        labelEn\n        labelZh\n      }\n      technologyCategories {\n        code\n        labelEn\n        labelZh\n      }\n      cooperationModes {\n        code\n        labelEn\n        labelZh\n      }\n      sdgTargets {\n        code\n        labelEn\n        labelZh\n      }\n      organization {\n        id\n        nameEn\n        nameZh\n      }\n    }\n  }\n": typeof types.NeedPageDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n    }\n  }\n": typeof types.LoginDocument,
    "\n  query Me {\n    me {\n      id\n      displayName\n      email\n      role\n      preferredLanguage\n      organization {\n        id\n        nameEn\n        nameZh\n        kind\n      }\n    }\n  }\n": typeof types.MeDocument,
};
const documents: Documents = {
    "\n  query SearchNeeds($query: String, $countryCode: String, $first: Int!, $after: String) {\n    searchNeeds(query: $query, countryCode: $countryCode, first: $first, after: $after) {\n      totalCount\n      facets {\n        field\n        values {\n          value\n          count\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        highlights {\n          title\n          snippet\n        }\n        node {\n          id\n          title\n          status\n          budgetMin\n          budgetMax\n          currency\n          deadline\n          publishedAt\n          country {\n            code\n            nameEn\n            nameZh\n          }\n          sector {\n            labelEn\n            labelZh\n          }\n          organization {\n            id\n            nameEn\n            nameZh\n          }\n        }\n      }\n    }\n  }\n": types.SearchNeedsDocument,
    "\n  query NeedPage($id: ID!) {\n    need(id: $id) {\n      id\n      title\n      description\n      status\n      budgetMin\n      budgetMax\n      currency\n      deadline\n      publishedAt\n      financier\n      populationServed\n      site\n      country {\n        code\n        nameEn\n        nameZh\n      }\n      sector {\n        labelEn\n        labelZh\n      }\n      technologyCategories {\n        code\n        labelEn\n        labelZh\n      }\n      cooperationModes {\n        code\n        labelEn\n        labelZh\n      }\n      sdgTargets {\n        code\n        labelEn\n        labelZh\n      }\n      organization {\n        id\n        nameEn\n        nameZh\n      }\n    }\n  }\n": types.NeedPageDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n    }\n  }\n": types.LoginDocument,
    "\n  query Me {\n    me {\n      id\n      displayName\n      email\n      role\n      preferredLanguage\n      organization {\n        id\n        nameEn\n        nameZh\n        kind\n      }\n    }\n  }\n": types.MeDocument,
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
export function graphql(source: "\n  query SearchNeeds($query: String, $countryCode: String, $first: Int!, $after: String) {\n    searchNeeds(query: $query, countryCode: $countryCode, first: $first, after: $after) {\n      totalCount\n      facets {\n        field\n        values {\n          value\n          count\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        highlights {\n          title\n          snippet\n        }\n        node {\n          id\n          title\n          status\n          budgetMin\n          budgetMax\n          currency\n          deadline\n          publishedAt\n          country {\n            code\n            nameEn\n            nameZh\n          }\n          sector {\n            labelEn\n            labelZh\n          }\n          organization {\n            id\n            nameEn\n            nameZh\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SearchNeeds($query: String, $countryCode: String, $first: Int!, $after: String) {\n    searchNeeds(query: $query, countryCode: $countryCode, first: $first, after: $after) {\n      totalCount\n      facets {\n        field\n        values {\n          value\n          count\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        highlights {\n          title\n          snippet\n        }\n        node {\n          id\n          title\n          status\n          budgetMin\n          budgetMax\n          currency\n          deadline\n          publishedAt\n          country {\n            code\n            nameEn\n            nameZh\n          }\n          sector {\n            labelEn\n            labelZh\n          }\n          organization {\n            id\n            nameEn\n            nameZh\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NeedPage($id: ID!) {\n    need(id: $id) {\n      id\n      title\n      description\n      status\n      budgetMin\n      budgetMax\n      currency\n      deadline\n      publishedAt\n      financier\n      populationServed\n      site\n      country {\n        code\n        nameEn\n        nameZh\n      }\n      sector {\n        labelEn\n        labelZh\n      }\n      technologyCategories {\n        code\n        labelEn\n        labelZh\n      }\n      cooperationModes {\n        code\n        labelEn\n        labelZh\n      }\n      sdgTargets {\n        code\n        labelEn\n        labelZh\n      }\n      organization {\n        id\n        nameEn\n        nameZh\n      }\n    }\n  }\n"): (typeof documents)["\n  query NeedPage($id: ID!) {\n    need(id: $id) {\n      id\n      title\n      description\n      status\n      budgetMin\n      budgetMax\n      currency\n      deadline\n      publishedAt\n      financier\n      populationServed\n      site\n      country {\n        code\n        nameEn\n        nameZh\n      }\n      sector {\n        labelEn\n        labelZh\n      }\n      technologyCategories {\n        code\n        labelEn\n        labelZh\n      }\n      cooperationModes {\n        code\n        labelEn\n        labelZh\n      }\n      sdgTargets {\n        code\n        labelEn\n        labelZh\n      }\n      organization {\n        id\n        nameEn\n        nameZh\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      displayName\n      email\n      role\n      preferredLanguage\n      organization {\n        id\n        nameEn\n        nameZh\n        kind\n      }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      displayName\n      email\n      role\n      preferredLanguage\n      organization {\n        id\n        nameEn\n        nameZh\n        kind\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;