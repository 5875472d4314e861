import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { license, version } from '../../../../package.json';
import { toOpenApi31Schemas } from './openapi-3-1';
import { canonical } from './openapi-canonical';
import {
  applyValidationRules,
  validatedClassesByName,
  validationRulesOf,
} from './openapi-constraints';
import {
  INTERNAL_ERROR_RESPONSE,
  INTERNAL_ERROR_RESPONSE_NAME,
  PROBLEM_SCHEMA,
  PROBLEM_SCHEMA_NAME,
  addProblemResponses,
} from './openapi-problems';
import { RouteFacts, collectRouteFacts, operationIdOf } from './openapi-routes';
import { REFRESH_COOKIE, REFRESH_COOKIE_PATH } from '../access/refresh-cookie';

type Operation = OpenAPIObject['paths'][string]['get'] & object;
type Schema = Record<string, unknown>;

const BEARER = 'bearer';
const REFRESH_COOKIE_SCHEME = 'refreshCookie';

const TAGS: Record<string, string> = {
  auth: 'Sign-in, sessions, password and MFA',
  me: 'The signed-in user',
  users: 'User administration (admins of a country, system admins)',
  audit: 'The audit trail',
  directory: 'Countries, consulates, accredited officials and referral organisations',
  cases:
    'Cases, persons, consular actions, history, break-the-glass access and transfers between posts',
  statistics: 'Aggregates with disclosure control, and exports',
  system: 'Diagnostics for system administrators',
  admin: 'The queue dashboard',
  health: 'Liveness and readiness probes',
};

/**
 * The OpenAPI 3.1 document of the API, generated from the controllers and completed here, in one
 * place, from what the routes declare: security from `@Public`/`@Authenticated`/`@RequirePermission`,
 * problem responses from the route's inputs and `@ApiProblems`, and every request field's format
 * from its class-validator rules. Deterministic (sorted keys, no timestamps): it is committed as
 * docs/openapi.json and a check fails when that file is stale.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setOpenAPIVersion('3.1.0')
      .setTitle('Amparo API')
      .setDescription(
        'Registro de Protección Consular / Consular protection case registry. Errors are RFC 9457 problem details (application/problem+json) with a stable `code`, localized by Accept-Language (es by default, en). Every response carries X-Request-Id.',
      )
      .setVersion(version)
      .addServer('/', 'The deployment that serves this document')
      .addBearerAuth(
        {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'The access token from POST /api/v1/auth/login (ES256, 15 minutes)',
        },
        BEARER,
      )
      .addCookieAuth(
        REFRESH_COOKIE,
        {
          type: 'apiKey',
          in: 'cookie',
          name: REFRESH_COOKIE,
          description: `The refresh token as the browser keeps it: HttpOnly, SameSite=Strict, Path=${REFRESH_COOKIE_PATH}, set by every answer that issues tokens; read only from JSON requests of the same origin`,
        },
        REFRESH_COOKIE_SCHEME,
      )
      .build(),
    { operationIdFactory: operationIdOf },
  );
  document.info.license = {
    name: license,
    identifier: license,
  } as OpenAPIObject['info']['license'];
  document.tags = Object.entries(TAGS).map(([name, description]) => ({ name, description }));
  const facts = collectRouteFacts(app);
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item) as [string, Operation][]) {
      const route = facts.get(operation.operationId ?? '');
      if (!route) throw new Error(`OpenAPI: no route facts for ${method.toUpperCase()} ${path}`);
      completeOperation(operation, route);
    }
  }
  const components = (document.components ??= {});
  const schemas = (components.schemas ??= {}) as Record<string, Schema>;
  for (const [name, type] of validatedClassesByName()) {
    const properties = schemas[name]?.properties as Record<string, Schema> | undefined;
    if (!properties) continue;
    for (const [property, rules] of validationRulesOf(type)) {
      if (properties[property]) applyValidationRules(properties[property], rules);
    }
  }
  schemas[PROBLEM_SCHEMA_NAME] = PROBLEM_SCHEMA;
  components.responses = { [INTERNAL_ERROR_RESPONSE_NAME]: INTERNAL_ERROR_RESPONSE };
  return canonical(toOpenApi31Schemas(document)) as OpenAPIObject;
}

function completeOperation(operation: Operation, route: RouteFacts): void {
  const access = route.access;
  operation.security =
    access?.kind === 'public'
      ? []
      : access?.kind === 'authenticated' && access.acceptsEnrolmentChallenge
        ? [{ [BEARER]: [] }, {}]
        : access?.kind === 'authenticated' && access.acceptsRefreshToken
          ? [{ [BEARER]: [] }, { [REFRESH_COOKIE_SCHEME]: [] }]
          : [{ [BEARER]: [] }];
  const who = !access
    ? 'Declares no access rule, so it is always refused (the route-access test forbids this).'
    : access.kind === 'public'
      ? `Public: ${access.reason.charAt(0).toLowerCase()}${access.reason.slice(1)}.`
      : access.kind === 'permission'
        ? `Requires the permission \`${access.permission}\`; the result is limited to your scope.`
        : access.acceptsEnrolmentChallenge
          ? 'Any signed-in user, or during sign-in the enrolment challengeToken in the body instead of a bearer token.'
          : access.acceptsRefreshToken
            ? `Any signed-in user, or without a bearer token the holder of the session's refresh token in the ${REFRESH_COOKIE} cookie.`
            : 'Any signed-in user, for their own account.';
  operation.description = operation.description ? `${operation.description}\n\n${who}` : who;
  if (route.query) {
    const rules = validationRulesOf(route.query);
    for (const parameter of (operation.parameters ?? []) as {
      in: string;
      name: string;
      schema?: Schema;
    }[]) {
      const own = parameter.in === 'query' ? rules.get(parameter.name) : undefined;
      if (own && parameter.schema) applyValidationRules(parameter.schema, own);
    }
  }
  for (const [status, response] of Object.entries(operation.responses) as unknown as [
    string,
    Schema,
  ][]) {
    if (response.description === '') response.description = SUCCESS_TEXT[status] ?? 'Done';
  }
  addProblemResponses(operation, route);
}

const SUCCESS_TEXT: Record<string, string> = { 200: 'OK', 201: 'Created', 202: 'Accepted' };

/** Serves the document at /api/openapi.json (and .yaml) with its UI at /api/docs. */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/openapi.json',
    yamlDocumentUrl: 'api/openapi.yaml',
  });
}
