import { StandardSchemaValidationPipe } from '@nestjs/common';
import { problems } from './problem';
import { isImplausibleIssue } from './request-fields';

/**
 * Validates every `@Body({ schema })`, `@Query({ schema })`… and answers with one entry per invalid
 * field: 400 when the request is not of the documented form, 422 when it is but states a fact that
 * cannot be true (a date of birth next year).
 */
export const validationPipe = new StandardSchemaValidationPipe({
  exceptionFactory: (issues) => {
    const errors = issues.flatMap((issue) => {
      const path = (issue.path ?? []).map((segment) => String(typeof segment === 'object' ? segment.key : segment));
      // An unknown property is reported against its parent; name the property itself.
      const unknownKeys = (issue as { keys?: unknown }).keys;
      if (Array.isArray(unknownKeys)) {
        return unknownKeys.map((key) => ({ field: [...path, String(key)].join('.'), message: 'is not a known field' }));
      }
      return [{ field: path.join('.') || '(body)', message: issue.message }];
    });
    return issues.every(isImplausibleIssue) ? problems.implausible(errors) : problems.validation(errors);
  },
});
