import { HttpStatus, RequestMethod, SetMetadata, Type } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_STATUSES, ProblemDetails, ProblemStatus, RATE_LIMIT, problemExample } from '@sanshe/common';
import { ACCESS, AccessRule } from './access.decorators';

const RETURNS = Symbol('API_RETURNS');
const EXTRA_PROBLEMS = Symbol('API_EXTRA_PROBLEMS');

export interface ReturnsOptions {
  description?: string;
  /** For a body whose shape is not obvious from the schema. */
  example?: unknown;
  /** Content type of a file download (`type` is then `'file'`). */
  contentType?: string;
}

interface ReturnsMeta extends ReturnsOptions {
  type: Type<unknown> | [Type<unknown>] | 'file';
}

/**
 * What a successful call answers. The status (200, 201, or the handler's `@HttpCode`) is filled in by
 * `@ApiContract()` on the controller, so the two can never disagree.
 */
export const Returns = (type: ReturnsMeta['type'], opts: ReturnsOptions = {}) => SetMetadata(RETURNS, { type, ...opts } satisfies ReturnsMeta);

/** Failures beyond those `@ApiContract()` derives from the route (e.g. 413/415 on an upload). */
export const ApiErrors = (...statuses: ProblemStatus[]) => SetMetadata(EXTRA_PROBLEMS, statuses);

const COMMANDS = new Set<RequestMethod>([RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE]);
const VALIDATED_ARGS = new Set<number>([RouteParamtypes.BODY, RouteParamtypes.QUERY, RouteParamtypes.PARAM]);

/**
 * Documents every operation of a controller: its success response from `@Returns` and the problem-details
 * failures that its route can produce, derived from what the route declares — 400 when it takes input, 401 unless
 * public, 403 when a role or district is required, 404 when the path names a record, 409 for commands, 429 when
 * rate limited. One line per controller keeps the contract and the code from drifting apart.
 */
export function ApiContract(): ClassDecorator {
  return (target) => {
    const proto = target.prototype as Record<string, unknown>;
    for (const key of Object.getOwnPropertyNames(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, key);
      const handler = descriptor?.value as object | undefined;
      if (key === 'constructor' || typeof handler !== 'function') continue;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (method === undefined) continue;
      // The controller's own prefix counts: `public/districts/:districtCode` names a district that may not exist.
      const path = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, target) ?? '', Reflect.getMetadata(PATH_METADATA, handler) ?? '').join(' ');
      const access: AccessRule = Reflect.getMetadata(ACCESS, handler) ?? Reflect.getMetadata(ACCESS, target) ?? { kind: 'district' };
      const args = Object.keys(Reflect.getMetadata(ROUTE_ARGS_METADATA, target, key) ?? {}).map((k) => Number(k.split(':')[0]));
      const statuses = new Set<ProblemStatus>(Reflect.getMetadata(EXTRA_PROBLEMS, handler) ?? []);
      if (method !== RequestMethod.GET || args.some((a) => VALIDATED_ARGS.has(a))) statuses.add(400);
      if (access.kind !== 'public' && access.kind !== 'public-district') statuses.add(401);
      if (access.kind === 'district' || access.kind === 'operator') statuses.add(403);
      if (path.includes(':')) statuses.add(404);
      if (COMMANDS.has(method)) statuses.add(409);
      if (Reflect.getMetadata(RATE_LIMIT, handler)) statuses.add(429);
      for (const status of [...statuses].sort()) {
        ApiResponse({
          status,
          description: PROBLEM_STATUSES[status].description,
          content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDetails) }, example: problemExample(status) } },
        })(proto, key, descriptor!);
      }
      const returns = Reflect.getMetadata(RETURNS, handler) as ReturnsMeta | undefined;
      const status: number = Reflect.getMetadata(HTTP_CODE_METADATA, handler) ?? (method === RequestMethod.POST ? HttpStatus.CREATED : HttpStatus.OK);
      if (status === HttpStatus.NO_CONTENT) ApiResponse({ status, description: returns?.description ?? 'Done; no body' })(proto, key, descriptor!);
      else if (returns?.type === 'file') {
        ApiResponse({
          status,
          description: returns.description ?? 'The file',
          content: { [returns.contentType ?? 'application/octet-stream']: { schema: { type: 'string', format: 'binary' } } },
        })(proto, key, descriptor!);
      } else if (returns) {
        ApiResponse({ status, type: returns.type, description: returns.description ?? 'OK', ...(returns.example === undefined ? {} : { example: returns.example }) })(proto, key, descriptor!);
      }
    }
  };
}
