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
    "\n  mutation SaveLanguage($language: Language!) {\n    updateMyProfile(input: { preferredLanguage: $language }) {\n      id\n      preferredLanguage\n    }\n  }\n": typeof types.SaveLanguageDocument,
    "\n  query UnreadCount {\n    notifications(first: 1, unreadOnly: true) {\n      unreadCount\n    }\n  }\n": typeof types.UnreadCountDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n    }\n  }\n": typeof types.NotificationAddedDocument,
    "\n  query Inbox($first: Int!, $after: String, $unreadOnly: Boolean!) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      unreadCount\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          type\n          title\n          body\n          read\n          createdAt\n          matchId\n          needId\n        }\n      }\n    }\n  }\n": typeof types.InboxDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  query NotificationPreferences {\n    notificationPreferences {\n      eventType\n      channel\n      enabled\n      frequency\n      chosen\n    }\n  }\n": typeof types.NotificationPreferencesDocument,
    "\n  mutation SetNotificationPreferences($input: [NotificationPreferenceInput!]!) {\n    setNotificationPreferences(input: $input) {\n      eventType\n      channel\n      enabled\n      frequency\n      chosen\n    }\n  }\n": typeof types.SetNotificationPreferencesDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  query OrganizationOptions($nameContains: String) {\n    organizations(first: 20, nameContains: $nameContains) {\n      edges {\n        node {\n          id\n          nameEn\n          nameZh\n        }\n      }\n    }\n  }\n": typeof types.OrganizationOptionsDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      id\n      displayName\n      role\n      preferredLanguage\n      active\n    }\n  }\n": typeof types.UpdateUserDocument,
    "\n  query Users($role: Role, $organizationId: ID, $first: Int!, $after: String) {\n    users(role: $role, organizationId: $organizationId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          displayName\n          email\n          role\n          preferredLanguage\n          active\n          createdAt\n          organization {\n            id\n            nameEn\n            nameZh\n          }\n        }\n      }\n    }\n  }\n": typeof types.UsersDocument,
    "\n  query WebhookDeliveries($webhookId: ID!, $first: Int!, $after: String) {\n    webhookDeliveries(webhookId: $webhookId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          address\n          status\n          attempts\n          createdAt\n          lastError\n          attemptLog {\n            attempt\n            createdAt\n            statusCode\n            succeeded\n            durationMs\n            error\n          }\n        }\n      }\n    }\n  }\n": typeof types.WebhookDeliveriesDocument,
    "\n  mutation RetryNotificationDelivery($id: ID!) {\n    retryNotificationDelivery(id: $id) {\n      id\n      status\n      attempts\n      lastError\n    }\n  }\n": typeof types.RetryNotificationDeliveryDocument,
    "\n  query Webhooks {\n    webhooks {\n      id\n      url\n      events\n      active\n      createdAt\n    }\n  }\n": typeof types.WebhooksDocument,
    "\n  mutation CreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      secret\n      webhook {\n        id\n        url\n      }\n    }\n  }\n": typeof types.CreateWebhookDocument,
    "\n  mutation UpdateWebhook($input: UpdateWebhookInput!) {\n    updateWebhook(input: $input) {\n      id\n      url\n      events\n      active\n    }\n  }\n": typeof types.UpdateWebhookDocument,
    "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n      webhook {\n        id\n        url\n      }\n    }\n  }\n": typeof types.RotateWebhookSecretDocument,
    "\n  mutation TestWebhook($id: ID!) {\n    testWebhook(id: $id) {\n      ok\n      statusCode\n      durationMs\n      error\n    }\n  }\n": typeof types.TestWebhookDocument,
    "\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n": typeof types.DeleteWebhookDocument,
    "\n  query EnterprisePage($id: ID!) {\n    organization(id: $id) {\n      id\n      nameEn\n      nameZh\n      parentGroup\n      description\n      website\n      country {\n        code\n        nameEn\n        nameZh\n      }\n      countriesServed {\n        code\n        nameEn\n        nameZh\n      }\n    }\n    capabilities(organizationId: $id, first: 100) {\n      edges {\n        node {\n          id\n          description\n          trl\n          technologyCategory {\n            labelEn\n            labelZh\n          }\n        }\n      }\n    }\n    referenceProjects(organizationId: $id, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          year\n          role\n          value\n          currency\n          country {\n            code\n            nameEn\n            nameZh\n          }\n        }\n      }\n    }\n  }\n": typeof types.EnterprisePageDocument,
    "\n  query SearchEnterprises($query: String, $first: Int!, $after: String) {\n    searchEnterprises(query: $query, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        highlights {\n          title\n          snippet\n        }\n        node {\n          id\n          nameEn\n          nameZh\n          parentGroup\n          country {\n            code\n            nameEn\n            nameZh\n          }\n        }\n      }\n    }\n  }\n": typeof types.SearchEnterprisesDocument,
    "\n  query SearchNeeds($query: String, $countryCode: String, $first: Int!, $after: String) {\n    searchNeeds(query: $query, countryCode: $countryCode, first: $first, after: $after) {\n      totalCount\n      facets {\n        field\n        values {\n          value\n          count\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        highlights {\n          title\n          snippet\n        }\n        node {\n          id\n          title\n          status\n          budgetMin\n          budgetMax\n          currency\n          deadline\n          publishedAt\n          country {\n            code\n            nameEn\n            nameZh\n          }\n          sector {\n            labelEn\n            labelZh\n          }\n          organization {\n            id\n            nameEn\n            nameZh\n          }\n        }\n      }\n    }\n  }\n": typeof types.SearchNeedsDocument,
    "\n  query NeedPage($id: ID!) {\n    need(id: $id) {\n      id\n      title\n      description\n      status\n      budgetMin\n      budgetMax\n      currency\n      deadline\n      publishedAt\n      financier\n      populationServed\n      site\n      country {\n        code\n        nameEn\n        nameZh\n      }\n      sector {\n        labelEn\n        labelZh\n      }\n      technologyCategories {\n        code\n        labelEn\n        labelZh\n      }\n      cooperationModes {\n        code\n        labelEn\n        labelZh\n      }\n      sdgTargets {\n        code\n        labelEn\n        labelZh\n      }\n      organization {\n        id\n        nameEn\n        nameZh\n      }\n    }\n  }\n": typeof types.NeedPageDocument,
    "\n  query DemoAccounts {\n    demoAccounts {\n      role\n      email\n      organization\n    }\n  }\n": typeof types.DemoAccountsDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n    }\n  }\n": typeof types.LoginDocument,
    "\n  query Me {\n    me {\n      id\n      displayName\n      email\n      role\n      preferredLanguage\n      organization {\n        id\n        nameEn\n        nameZh\n        kind\n      }\n    }\n  }\n": typeof types.MeDocument,
};
const documents: Documents = {
    "\n  mutation SaveLanguage($language: Language!) {\n    updateMyProfile(input: { preferredLanguage: $language }) {\n      id\n      preferredLanguage\n    }\n  }\n": types.SaveLanguageDocument,
    "\n  query UnreadCount {\n    notifications(first: 1, unreadOnly: true) {\n      unreadCount\n    }\n  }\n": types.UnreadCountDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n    }\n  }\n": types.NotificationAddedDocument,
    "\n  query Inbox($first: Int!, $after: String, $unreadOnly: Boolean!) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      unreadCount\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          type\n          title\n          body\n          read\n          createdAt\n          matchId\n          needId\n        }\n      }\n    }\n  }\n": types.InboxDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n": types.MarkNotificationsReadDocument,
    "\n  query NotificationPreferences {\n    notificationPreferences {\n      eventType\n      channel\n      enabled\n      frequency\n      chosen\n    }\n  }\n": types.NotificationPreferencesDocument,
    "\n  mutation SetNotificationPreferences($input: [NotificationPreferenceInput!]!) {\n    setNotificationPreferences(input: $input) {\n      eventType\n      channel\n      enabled\n      frequency\n      chosen\n    }\n  }\n": types.SetNotificationPreferencesDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": types.ChangePasswordDocument,
    "\n  query OrganizationOptions($nameContains: String) {\n    organizations(first: 20, nameContains: $nameContains) {\n      edges {\n        node {\n          id\n          nameEn\n          nameZh\n        }\n      }\n    }\n  }\n": types.OrganizationOptionsDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      id\n      displayName\n      role\n      preferredLanguage\n      active\n    }\n  }\n": types.UpdateUserDocument,
    "\n  query Users($role: Role, $organizationId: ID, $first: Int!, $after: String) {\n    users(role: $role, organizationId: $organizationId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          displayName\n          email\n          role\n          preferredLanguage\n          active\n          createdAt\n          organization {\n            id\n            nameEn\n            nameZh\n          }\n        }\n      }\n    }\n  }\n": types.UsersDocument,
    "\n  query WebhookDeliveries($webhookId: ID!, $first: Int!, $after: String) {\n    webhookDeliveries(webhookId: $webhookId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          address\n          status\n          attempts\n          createdAt\n          lastError\n          attemptLog {\n            attempt\n            createdAt\n            statusCode\n            succeeded\n            durationMs\n            error\n          }\n        }\n      }\n    }\n  }\n": types.WebhookDeliveriesDocument,
    "\n  mutation RetryNotificationDelivery($id: ID!) {\n    retryNotificationDelivery(id: $id) {\n      id\n      status\n      attempts\n      lastError\n    }\n  }\n": types.RetryNotificationDeliveryDocument,
    "\n  query Webhooks {\n    webhooks {\n      id\n      url\n      events\n      active\n      createdAt\n    }\n  }\n": types.WebhooksDocument,
    "\n  mutation CreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      secret\n      webhook {\n        id\n        url\n      }\n    }\n  }\n": types.CreateWebhookDocument,
    "\n  mutation UpdateWebhook($input: UpdateWebhookInput!) {\n    updateWebhook(input: $input) {\n      id\n      url\n      events\n      active\n    }\n  }\n": types.UpdateWebhookDocument,
    "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n      webhook {\n        id\n        url\n      }\n    }\n  }\n": types.RotateWebhookSecretDocument,
    "\n  mutation TestWebhook($id: ID!) {\n    testWebhook(id: $id) {\n      ok\n      statusCode\n      durationMs\n      error\n    }\n  }\n": types.TestWebhookDocument,
    "\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n": types.DeleteWebhookDocument,
    "\n  query EnterprisePage($id: ID!) {\n    organization(id: $id) {\n      id\n      nameEn\n      nameZh\n      parentGroup\n      description\n      website\n      country {\n        code\n        nameEn\n        nameZh\n      }\n      countriesServed {\n        code\n        nameEn\n        nameZh\n      }\n    }\n    capabilities(organizationId: $id, first: 100) {\n      edges {\n        node {\n          id\n          description\n          trl\n          technologyCategory {\n            labelEn\n            labelZh\n          }\n        }\n      }\n    }\n    referenceProjects(organizationId: $id, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          year\n          role\n          value\n          currency\n          country {\n            code\n            nameEn\n            nameZh\n          }\n        }\n      }\n    }\n  }\n": types.EnterprisePageDocument,
    "\n  query SearchEnterprises($query: String, $first: Int!, $after: String) {\n    searchEnterprises(query: $query, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        highlights {\n          title\n          snippet\n        }\n        node {\n          id\n          nameEn\n          nameZh\n          parentGroup\n          country {\n            code\n            nameEn\n            nameZh\n          }\n        }\n      }\n    }\n  }\n": types.SearchEnterprisesDocument,
    "\n  query SearchNeeds($query: String, $countryCode: String, $first: Int!, $after: String) {\n    searchNeeds(query: $query, countryCode: $countryCode, first: $first, after: $after) {\n      totalCount\n      facets {\n        field\n        values {\n          value\n          count\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        highlights {\n          title\n          snippet\n        }\n        node {\n          id\n          title\n          status\n          budgetMin\n          budgetMax\n          currency\n          deadline\n          publishedAt\n          country {\n            code\n            nameEn\n            nameZh\n          }\n          sector {\n            labelEn\n            labelZh\n          }\n          organization {\n            id\n            nameEn\n            nameZh\n          }\n        }\n      }\n    }\n  }\n": types.SearchNeedsDocument,
    "\n  query NeedPage($id: ID!) {\n    need(id: $id) {\n      id\n      title\n      description\n      status\n      budgetMin\n      budgetMax\n      currency\n      deadline\n      publishedAt\n      financier\n      populationServed\n      site\n      country {\n        code\n        nameEn\n        nameZh\n      }\n      sector {\n        labelEn\n        labelZh\n      }\n      technologyCategories {\n        code\n        labelEn\n        labelZh\n      }\n      cooperationModes {\n        code\n        labelEn\n        labelZh\n      }\n      sdgTargets {\n        code\n        labelEn\n        labelZh\n      }\n      organization {\n        id\n        nameEn\n        nameZh\n      }\n    }\n  }\n": types.NeedPageDocument,
    "\n  query DemoAccounts {\n    demoAccounts {\n      role\n      email\n      organization\n    }\n  }\n": types.DemoAccountsDocument,
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
export function graphql(source: "\n  mutation SaveLanguage($language: Language!) {\n    updateMyProfile(input: { preferredLanguage: $language }) {\n      id\n      preferredLanguage\n    }\n  }\n"): (typeof documents)["\n  mutation SaveLanguage($language: Language!) {\n    updateMyProfile(input: { preferredLanguage: $language }) {\n      id\n      preferredLanguage\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadCount {\n    notifications(first: 1, unreadOnly: true) {\n      unreadCount\n    }\n  }\n"): (typeof documents)["\n  query UnreadCount {\n    notifications(first: 1, unreadOnly: true) {\n      unreadCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n    }\n  }\n"): (typeof documents)["\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Inbox($first: Int!, $after: String, $unreadOnly: Boolean!) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      unreadCount\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          type\n          title\n          body\n          read\n          createdAt\n          matchId\n          needId\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Inbox($first: Int!, $after: String, $unreadOnly: Boolean!) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      unreadCount\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          type\n          title\n          body\n          read\n          createdAt\n          matchId\n          needId\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n"): (typeof documents)["\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationPreferences {\n    notificationPreferences {\n      eventType\n      channel\n      enabled\n      frequency\n      chosen\n    }\n  }\n"): (typeof documents)["\n  query NotificationPreferences {\n    notificationPreferences {\n      eventType\n      channel\n      enabled\n      frequency\n      chosen\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetNotificationPreferences($input: [NotificationPreferenceInput!]!) {\n    setNotificationPreferences(input: $input) {\n      eventType\n      channel\n      enabled\n      frequency\n      chosen\n    }\n  }\n"): (typeof documents)["\n  mutation SetNotificationPreferences($input: [NotificationPreferenceInput!]!) {\n    setNotificationPreferences(input: $input) {\n      eventType\n      channel\n      enabled\n      frequency\n      chosen\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationOptions($nameContains: String) {\n    organizations(first: 20, nameContains: $nameContains) {\n      edges {\n        node {\n          id\n          nameEn\n          nameZh\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganizationOptions($nameContains: String) {\n    organizations(first: 20, nameContains: $nameContains) {\n      edges {\n        node {\n          id\n          nameEn\n          nameZh\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      id\n      displayName\n      role\n      preferredLanguage\n      active\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      id\n      displayName\n      role\n      preferredLanguage\n      active\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users($role: Role, $organizationId: ID, $first: Int!, $after: String) {\n    users(role: $role, organizationId: $organizationId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          displayName\n          email\n          role\n          preferredLanguage\n          active\n          createdAt\n          organization {\n            id\n            nameEn\n            nameZh\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Users($role: Role, $organizationId: ID, $first: Int!, $after: String) {\n    users(role: $role, organizationId: $organizationId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          displayName\n          email\n          role\n          preferredLanguage\n          active\n          createdAt\n          organization {\n            id\n            nameEn\n            nameZh\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookDeliveries($webhookId: ID!, $first: Int!, $after: String) {\n    webhookDeliveries(webhookId: $webhookId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          address\n          status\n          attempts\n          createdAt\n          lastError\n          attemptLog {\n            attempt\n            createdAt\n            statusCode\n            succeeded\n            durationMs\n            error\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WebhookDeliveries($webhookId: ID!, $first: Int!, $after: String) {\n    webhookDeliveries(webhookId: $webhookId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          address\n          status\n          attempts\n          createdAt\n          lastError\n          attemptLog {\n            attempt\n            createdAt\n            statusCode\n            succeeded\n            durationMs\n            error\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetryNotificationDelivery($id: ID!) {\n    retryNotificationDelivery(id: $id) {\n      id\n      status\n      attempts\n      lastError\n    }\n  }\n"): (typeof documents)["\n  mutation RetryNotificationDelivery($id: ID!) {\n    retryNotificationDelivery(id: $id) {\n      id\n      status\n      attempts\n      lastError\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Webhooks {\n    webhooks {\n      id\n      url\n      events\n      active\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query Webhooks {\n    webhooks {\n      id\n      url\n      events\n      active\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      secret\n      webhook {\n        id\n        url\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      secret\n      webhook {\n        id\n        url\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWebhook($input: UpdateWebhookInput!) {\n    updateWebhook(input: $input) {\n      id\n      url\n      events\n      active\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateWebhook($input: UpdateWebhookInput!) {\n    updateWebhook(input: $input) {\n      id\n      url\n      events\n      active\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n      webhook {\n        id\n        url\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n      webhook {\n        id\n        url\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestWebhook($id: ID!) {\n    testWebhook(id: $id) {\n      ok\n      statusCode\n      durationMs\n      error\n    }\n  }\n"): (typeof documents)["\n  mutation TestWebhook($id: ID!) {\n    testWebhook(id: $id) {\n      ok\n      statusCode\n      durationMs\n      error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EnterprisePage($id: ID!) {\n    organization(id: $id) {\n      id\n      nameEn\n      nameZh\n      parentGroup\n      description\n      website\n      country {\n        code\n        nameEn\n        nameZh\n      }\n      countriesServed {\n        code\n        nameEn\n        nameZh\n      }\n    }\n    capabilities(organizationId: $id, first: 100) {\n      edges {\n        node {\n          id\n          description\n          trl\n          technologyCategory {\n            labelEn\n            labelZh\n          }\n        }\n      }\n    }\n    referenceProjects(organizationId: $id, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          year\n          role\n          value\n          currency\n          country {\n            code\n            nameEn\n            nameZh\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query EnterprisePage($id: ID!) {\n    organization(id: $id) {\n      id\n      nameEn\n      nameZh\n      parentGroup\n      description\n      website\n      country {\n        code\n        nameEn\n        nameZh\n      }\n      countriesServed {\n        code\n        nameEn\n        nameZh\n      }\n    }\n    capabilities(organizationId: $id, first: 100) {\n      edges {\n        node {\n          id\n          description\n          trl\n          technologyCategory {\n            labelEn\n            labelZh\n          }\n        }\n      }\n    }\n    referenceProjects(organizationId: $id, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          year\n          role\n          value\n          currency\n          country {\n            code\n            nameEn\n            nameZh\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchEnterprises($query: String, $first: Int!, $after: String) {\n    searchEnterprises(query: $query, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        highlights {\n          title\n          snippet\n        }\n        node {\n          id\n          nameEn\n          nameZh\n          parentGroup\n          country {\n            code\n            nameEn\n            nameZh\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SearchEnterprises($query: String, $first: Int!, $after: String) {\n    searchEnterprises(query: $query, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        highlights {\n          title\n          snippet\n        }\n        node {\n          id\n          nameEn\n          nameZh\n          parentGroup\n          country {\n            code\n            nameEn\n            nameZh\n          }\n        }\n      }\n    }\n  }\n"];
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
export function graphql(source: "\n  query DemoAccounts {\n    demoAccounts {\n      role\n      email\n      organization\n    }\n  }\n"): (typeof documents)["\n  query DemoAccounts {\n    demoAccounts {\n      role\n      email\n      organization\n    }\n  }\n"];
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