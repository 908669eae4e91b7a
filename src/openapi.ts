import { INestApplication, Type } from '@nestjs/common';
import { ModulesContainer, NestFactory } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { AppConfig, ProblemDetails, loadConfig } from '@sanshe/common';
import { AppModule } from './app.module';

const DOCS_PATH = 'api/docs';

/**
 * The OpenAPI document, built the same way for the served `/api/docs-json`, the committed snapshot and the lint:
 * one function, so what clients are generated from is what the server answers.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Sanshe 三社联动 API')
    .setDescription(
      'District tenants, people and roles, the social organisation registry, venture calls, projects, funds and casework. ' +
        'Errors are problem details (`ProblemDetails`) with a stable `code` and zh-CN/en messages. ' +
        'Money is integer fen as a decimal string. Lists are pages `{ items, total, nextCursor }`. ' +
        'A command answers the resource it changed, with its new `version`.',
    )
    .setVersion('0.1.0')
    .setContact('Sanshe', 'https://sanshe.cn', 'dev@sanshe.cn')
    .setLicense('UNLICENSED', 'https://sanshe.cn/license')
    .addServer('/', 'this server')
    .addBearerAuth()
    .build();
  const doc = SwaggerModule.createDocument(app, config, { extraModels: [ProblemDetails], operationIdFactory: operationId });
  assertUniqueSchemaNames(app);
  // Tags are declared once, sorted, so generated clients and the UI group operations the same way every build.
  const tags = new Set(Object.values(doc.paths).flatMap((item) => Object.values(item as Record<string, { tags?: string[] }>).flatMap((op) => op.tags ?? [])));
  doc.tags = [...tags].sort().map((name) => ({ name }));
  shareProblemResponses(doc);
  return doc;
}

/**
 * Each problem response (the same for every operation with that status) is stated once under
 * `components.responses.Problem<status>` and referenced, which keeps the document small enough to lint quickly.
 */
function shareProblemResponses(doc: OpenAPIObject): void {
  const shared: Record<string, unknown> = {};
  for (const item of Object.values(doc.paths)) {
    for (const op of Object.values(item as Record<string, { responses?: Record<string, { content?: Record<string, unknown> }> }>)) {
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        if (!response?.content?.['application/problem+json']) continue;
        const name = `Problem${status}`;
        shared[name] ??= response;
        (op.responses as Record<string, unknown>)[status] = { $ref: `#/components/responses/${name}` };
      }
    }
  }
  doc.components = { ...doc.components, responses: Object.assign({}, doc.components?.responses, shared) };
}

/** `CallsController.create` → `calls_create`: stable, unique and readable in generated clients. */
function operationId(controllerKey: string, methodKey: string): string {
  return `${controllerKey.replace(/Controller$/, '').replace(/^./, (c) => c.toLowerCase())}_${methodKey}`;
}

/** Serves the document at /api/docs (UI) and /api/docs-json. */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup(DOCS_PATH, app, () => createOpenApiDocument(app), { jsonDocumentUrl: `${DOCS_PATH}-json` });
}

/**
 * Builds the document without a database, Redis or a listening port: Nest's preview mode resolves the module graph
 * and controllers' metadata without instantiating providers.
 */
export async function buildOpenApiDocumentOffline(): Promise<OpenAPIObject> {
  const app = await NestFactory.create(AppModule.forRoot(offlineConfig()), { preview: true, logger: false, abortOnError: false });
  app.setGlobalPrefix('api/v1', { exclude: ['api/health', 'api/metrics'] });
  try {
    return createOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

function offlineConfig(): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: 'postgres://offline@127.0.0.1:1/offline',
    REDIS_URL: 'redis://127.0.0.1:1',
    JWT_SECRET: 'offline-document-build-secret-0123456789',
    MASTER_KEY: Buffer.alloc(32).toString('base64'),
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Schema names. @nestjs/swagger keys schemas by class name: a second class with the same name silently replaces
// the first (two `ReasonDto`s once dropped `version` from ten operations). Walk every class the document can reach
// and refuse two distinct classes under one name.

const MODEL_PROPERTIES = 'swagger/apiModelProperties';
const MODEL_PROPERTIES_ARRAY = 'swagger/apiModelPropertiesArray';
const API_RESPONSE = 'swagger/apiResponse';
const API_SCHEMA = 'swagger/apiSchema';

export function assertUniqueSchemaNames(app: INestApplication): void {
  const byName = new Map<string, Set<Type<unknown>>>();
  const seen = new Set<unknown>();
  const visit = (candidate: unknown): void => {
    let type = candidate;
    if (Array.isArray(type)) return type.forEach(visit);
    if (typeof type !== 'function') return;
    if (!type.prototype && type.length === 0) type = (type as () => unknown)(); // lazy `type: () => X`
    if (Array.isArray(type)) return type.forEach(visit);
    if (typeof type !== 'function' || seen.has(type) || [String, Number, Boolean, Date, Object, Array].includes(type as never)) return;
    seen.add(type);
    const props: string[] = Reflect.getMetadata(MODEL_PROPERTIES_ARRAY, type.prototype) ?? [];
    if (props.length === 0) return;
    const custom = (Reflect.getOwnMetadata(API_SCHEMA, type) as Array<{ name?: string }> | undefined)?.[0]?.name;
    const name = custom ?? type.name;
    byName.set(name, (byName.get(name) ?? new Set()).add(type as Type<unknown>));
    for (const p of props) visit((Reflect.getMetadata(MODEL_PROPERTIES, type.prototype, p.replace(/^:/, '')) ?? {}).type);
  };
  for (const controller of controllersOf(app)) {
    for (const key of Object.getOwnPropertyNames(controller.prototype)) {
      const handler = Object.getOwnPropertyDescriptor(controller.prototype, key)?.value as unknown;
      if (typeof handler !== 'function' || key === 'constructor') continue;
      (Reflect.getMetadata('design:paramtypes', controller.prototype, key) ?? []).forEach(visit);
      Object.values((Reflect.getMetadata(API_RESPONSE, handler) ?? {}) as Record<string, { type?: unknown }>).forEach((r) => visit(r.type));
    }
  }
  const clashes = [...byName].filter(([, types]) => types.size > 1).map(([name]) => name);
  if (clashes.length) throw new Error(`OpenAPI schema names used by more than one class: ${clashes.join(', ')} — rename one (or @ApiSchema({ name }))`);
}

function controllersOf(app: INestApplication): Type<unknown>[] {
  return [...app.get(ModulesContainer).values()].flatMap((m) => [...m.controllers.values()].map((w) => w.metatype as Type<unknown>));
}
