import { Catch, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';

/**
 * GraphQL errors go back to Apollo untouched, where `formatError` decides what the caller sees
 * and logs only the unexpected ones; a person's bad input is not a server error to log.
 * HTTP routes keep Nest's standard handling.
 */
@Catch()
export class ErrorFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    super.catch(exception, host);
    return undefined;
  }
}
