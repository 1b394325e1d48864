import { resolve } from 'node:path';
import type { CodegenConfig } from '@graphql-codegen/cli';

// Run from the repository root: `graphql-codegen --config client/codegen.ts`.
const here = import.meta.dirname;

const config: CodegenConfig = {
  overwrite: true,
  schema: resolve(here, '../server/schema.gql'),
  documents: [resolve(here, 'src/**/*.graphql')],
  ignoreNoDocuments: false,
  generates: {
    [`${resolve(here, 'src/gql')}/`]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        scalars: { DateTime: 'string', JSON: 'unknown' },
        useTypeImports: true,
      },
    },
  },
};

export default config;
