import type { NextFunction, Request, Response } from 'express';
import type { OpenAPIObject } from '@nestjs/swagger';
import { problems } from './problem';
import { sendProblem } from './problem-details.filter';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * A path the API serves, asked with a method it does not declare there, is answered 405 with `Allow`
 * (RFC 9110 §15.5.6), not 404: the resource exists. The methods come from the OpenAPI document, so
 * `Allow` and the document cannot disagree. HEAD is allowed wherever GET is, as Express answers it.
 * A path the document does not know passes on, to be answered 404.
 */
export function methodNotAllowed(document: OpenAPIObject): (request: Request, response: Response, next: NextFunction) => void {
  const resources = Object.entries(document.paths).map(([template, item]) => ({
    // As Express routes: a parameter is one segment, a trailing slash is ignored, letter case too.
    pattern: new RegExp(`^${template.split(/\{[^}/]+\}/).map(escapeRegExp).join('[^/]+')}/?$`, 'i'),
    methods: METHODS.filter((method) => item[method] !== undefined).map((method) => method.toUpperCase()),
  }));
  return (request, response, next) => {
    const matching = resources.filter(({ pattern }) => pattern.test(request.path));
    if (matching.length === 0) return next();
    const allowed = new Set(matching.flatMap(({ methods }) => methods));
    if (allowed.has('GET')) allowed.add('HEAD');
    if (allowed.has(request.method)) return next();
    const problem = problems.methodNotAllowed(request.method, request.path, [...allowed]);
    sendProblem(request, response, problem.problem, problem.headers);
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
