import { INestApplication, Type } from '@nestjs/common';
import {
  METHOD_METADATA,
  PARAMTYPES_METADATA,
  ROUTE_ARGS_METADATA,
} from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { ACCESS_METADATA, AccessDeclaration } from '@amparo/identity';
import { isIdempotent } from './idempotency.interceptor';
import { API_PROBLEMS_METADATA, ProblemCodes } from './openapi-problems.decorator';

/** What the OpenAPI document needs to know about a route beyond what @nestjs/swagger reads. */
export interface RouteFacts {
  access: AccessDeclaration | undefined;
  problems: ProblemCodes;
  idempotent: boolean;
  /** The DTO classes of `@Body()` and `@Query()`, whose validation rules the document states. */
  body: Type | undefined;
  query: Type | undefined;
}

/** `CasesController.create` → `cases_create`: stable, unique, and readable in a generated client. */
export function operationIdOf(controllerKey: string, methodKey: string): string {
  const base = controllerKey.replace(/Controller$/, '');
  return `${base.charAt(0).toLowerCase()}${base.slice(1)}_${methodKey}`;
}

/** The facts of every route handler of the application, by operation id. */
export function collectRouteFacts(app: INestApplication): Map<string, RouteFacts> {
  const facts = new Map<string, RouteFacts>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const methodKey of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[methodKey];
        if (typeof handler !== 'function' || methodKey === 'constructor') continue;
        if (Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        facts.set(operationIdOf(controller.name, methodKey), {
          access: (Reflect.getMetadata(ACCESS_METADATA, handler) ??
            Reflect.getMetadata(ACCESS_METADATA, controller)) as AccessDeclaration | undefined,
          problems: {
            ...(Reflect.getMetadata(API_PROBLEMS_METADATA, controller) as ProblemCodes | undefined),
            ...(Reflect.getMetadata(API_PROBLEMS_METADATA, handler) as ProblemCodes | undefined),
          },
          idempotent: isIdempotent(handler),
          body: argumentType(controller, prototype, methodKey, RouteParamtypes.BODY),
          query: argumentType(controller, prototype, methodKey, RouteParamtypes.QUERY),
        });
      }
    }
  }
  return facts;
}

/** The declared class of the handler argument taken whole from the body or the query string. */
function argumentType(
  controller: Type,
  prototype: object,
  methodKey: string,
  kind: RouteParamtypes,
): Type | undefined {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, methodKey) ?? {}) as Record<
    string,
    { index: number; data?: unknown }
  >;
  const types = (Reflect.getMetadata(PARAMTYPES_METADATA, prototype, methodKey) ?? []) as Type[];
  for (const [key, arg] of Object.entries(args)) {
    if (Number(key.split(':')[0]) !== kind || arg.data !== undefined) continue;
    const type = types[arg.index];
    if (type && type !== Object) return type;
  }
  return undefined;
}
