import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed operations from the committed schema.gql: a schema change that breaks a page fails the type check. */
const config: CodegenConfig = {
  schema: '../schema.gql',
  documents: ['src/**/*.tsx', 'src/**/*.ts', '!src/gql/**'],
  generates: {
    'src/gql/': { preset: 'client', config: { enumsAsTypes: true, useTypeImports: true, scalars: { DateTime: 'string' } } },
  },
};

export default config;
