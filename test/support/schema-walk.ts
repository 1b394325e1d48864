import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

const SCALAR_SAMPLES: Record<string, string> = {
  ID: '"00000000-0000-4000-8000-000000000000"',
  String: '"x"',
  Int: '1',
  Float: '1',
  Boolean: 'false',
  DateTime: '"2026-01-01T00:00:00.000Z"',
  JSON: '{}',
};

/** A literal of the given input type, filling only required fields: enough to reach the resolver. */
export function sampleLiteral(type: GraphQLInputType): string {
  if (isNonNullType(type)) return sampleLiteral(type.ofType);
  if (isListType(type)) return `[${sampleLiteral(type.ofType)}]`;
  if (isScalarType(type)) return SCALAR_SAMPLES[type.name] ?? '"x"';
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return `{ ${fields.map((f) => `${f.name}: ${sampleLiteral(f.type)}`).join(', ')} }`;
  }
  throw new Error(`No sample for ${String(type)}`);
}

/** The smallest document that calls one root field with every required argument. */
export function documentFor(operation: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const args = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const argText = args.length ? `(${args.map((a) => `${a.name}: ${sampleLiteral(a.type)}`).join(', ')})` : '';
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return `${operation} { ${field.name}${argText}${selection} }`;
}

export function rootFields(schema: GraphQLSchema): { operation: 'query' | 'mutation'; type: 'Query' | 'Mutation'; field: GraphQLField<unknown, unknown> }[] {
  const out: ReturnType<typeof rootFields> = [];
  for (const [operation, type, root] of [
    ['query', 'Query', schema.getQueryType()],
    ['mutation', 'Mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(root?.getFields() ?? {})) out.push({ operation, type, field });
  }
  return out;
}
