import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../database/project-root.js';
import { printSortedSchema, RESOLVERS } from '../schema.js';

/**
 * `npm run codegen` writes server/schema.gql from the code-first resolvers (no database needed);
 * `--check` fails when the committed file is stale.
 */
const check = process.argv.includes('--check');
const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
await app.init();
const schema = await app.get(GraphQLSchemaFactory).create(RESOLVERS);
await app.close();
const text = printSortedSchema(schema);
const file = join(projectRoot(), 'server', 'schema.gql');
if (check) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== text) {
    console.error('server/schema.gql is stale: run `npm run codegen` and commit the result.');
    process.exit(1);
  }
  console.log('server/schema.gql is up to date.');
} else {
  writeFileSync(file, text);
  console.log('Wrote server/schema.gql');
}
