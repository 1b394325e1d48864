import { ValidationPipe, type ArgumentMetadata, type PipeTransform, type ValidationError } from '@nestjs/common';
import { badInput, type FieldProblem } from './errors.js';

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

/** Validates every @Args input; failures become one BAD_USER_INPUT error listing each field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => badInput(flatten(errors)),
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Validates an `id` argument as a UUID, naming the argument when it is not one. */
export class IdPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, meta: ArgumentMetadata): string {
    if (typeof value === 'string' && UUID.test(value)) return value.toLowerCase();
    throw badInput([{ field: meta.data ?? 'id', message: 'This is not a valid identifier' }]);
  }
}
