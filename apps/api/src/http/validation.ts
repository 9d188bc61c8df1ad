import { StandardSchemaValidationPipe } from '@nestjs/common';
import { problems } from './problem';

/** Validates every `@Body({ schema })`, `@Query({ schema })`… and answers 400 with one entry per invalid field. */
export const validationPipe = new StandardSchemaValidationPipe({
  exceptionFactory: (issues) =>
    problems.validation(
      issues.flatMap((issue) => {
        const path = (issue.path ?? []).map((segment) => String(typeof segment === 'object' ? segment.key : segment));
        // An unknown property is reported against its parent; name the property itself.
        const unknownKeys = (issue as { keys?: unknown }).keys;
        if (Array.isArray(unknownKeys)) {
          return unknownKeys.map((key) => ({ field: [...path, String(key)].join('.'), message: 'is not a known field' }));
        }
        return [{ field: path.join('.') || '(body)', message: issue.message }];
      }),
    ),
});
