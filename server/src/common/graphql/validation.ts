import { ValidationPipe, type ArgumentMetadata, type PipeTransform, type Type, type ValidationError, type ValidationPipeOptions } from '@nestjs/common';
import { Args } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { badInput, inputTooLarge, type FieldProblem } from './errors.js';

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message: humanise(field, message) }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** class-validator's messages name the property first ("email must be..."); keep them but make them read as sentences. */
function humanise(field: string, message: string): string {
  const text = message.replace(/^[\w.]+ /, '');
  const label = field.split('.').pop() ?? field;
  return `${label.charAt(0).toUpperCase()}${label.slice(1)} ${text}`;
}

/** class-validator's size constraints: a value over one of them is oversized input, not a slip. */
const SIZE_CONSTRAINTS = new Set(['maxLength', 'arrayMaxSize']);

function oversized(errors: ValidationError[]): boolean {
  return errors.some((e) => Object.keys(e.constraints ?? {}).some((c) => SIZE_CONSTRAINTS.has(c)) || oversized(e.children ?? []));
}

const VALIDATION_OPTIONS: ValidationPipeOptions = {
  transform: true,
  whitelist: true,
  forbidUnknownValues: true,
  stopAtFirstError: true,
  exceptionFactory: (errors) => (oversized(errors) ? inputTooLarge(flatten(errors)) : badInput(flatten(errors))),
};

/**
 * Names fields the way the caller sent them: inside an `input` argument by their own name
 * ("email"), inside any other argument with the argument's name first ("page.first").
 */
class FieldValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (err) {
      const fields = err instanceof GraphQLError ? (err.extensions.fields as FieldProblem[] | undefined) : undefined;
      if (!fields || !metadata.data || metadata.data === 'input') throw err;
      const named = fields.map((f) => ({ ...f, field: `${metadata.data}.${f.field}` }));
      throw (err as GraphQLError).extensions.http ? inputTooLarge(named) : badInput(named);
    }
  }
}

/** Validates every @Args input; failures become one BAD_USER_INPUT error listing each field. */
export function createValidationPipe(): ValidationPipe {
  return new FieldValidationPipe(VALIDATION_OPTIONS);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Validates an `id` argument as a UUID, naming the argument when it is not one. */
export class IdPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, meta: ArgumentMetadata): string {
    if (typeof value === 'string' && UUID.test(value)) return value.toLowerCase();
    throw badInput([{ field: meta.data ?? 'id', message: 'This is not a valid identifier' }]);
  }
}

/** A month, yyyy-mm. */
export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Validates a month argument (yyyy-mm), naming the argument when it is not one. */
export class MonthPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, meta: ArgumentMetadata): string {
    if (typeof value === 'string' && MONTH.test(value)) return value;
    const field = meta.data ?? 'month';
    throw badInput([{ field, message: `${field} must be a month like 2026-03` }]);
  }
}

/** Validates an optional date argument (yyyy-mm-dd, a real day), naming the argument when it is not one. */
export class OptionalDatePipe implements PipeTransform<unknown, string | null> {
  transform(value: unknown, meta: ArgumentMetadata): string | null {
    if (value === null || value === undefined) return null;
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)) return value;
    const field = meta.data ?? 'date';
    throw badInput([{ field, message: `${field} must be a date like 2026-03-31` }]);
  }
}

/** Validates an argument against a given class even when its TypeScript type is `T | null`. */
class TypedValidationPipe<T> extends FieldValidationPipe {
  constructor(private readonly type: Type<T>) {
    super(VALIDATION_OPTIONS);
  }
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (value === null || value === undefined) return Promise.resolve(value);
    return super.transform(value, { ...metadata, metatype: this.type });
  }
}

/** An optional input-object argument, validated like any other (`@Args` alone cannot see the class through `| null`). */
export function OptionalArg<T>(name: string, type: Type<T>): ParameterDecorator {
  return Args(name, { type: () => type, nullable: true }, new TypedValidationPipe(type));
}
