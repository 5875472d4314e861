import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { DomainError, unsafeStringErrors } from '@amparo/core';
import { MAX_FIELD_ERRORS } from './field-error-limit';

/**
 * Refuses NUL and lone surrogates in query strings and path parameters, naming the parameter, before
 * validation or any service sees them (bodies are checked by the body parser, before guards).
 */
@Injectable()
export class UnsafeInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'query' && metadata.type !== 'param') return value;
    const errors = unsafeStringErrors(value, metadata.data ?? '', MAX_FIELD_ERRORS);
    if (errors.length)
      throw new DomainError('VALIDATION_FAILED', 'invalid', { fieldErrors: errors });
    return value;
  }
}
