/*
 * The HTTP contract (`@zhiping/api/contract`): every request and response
 * body as a zod schema, built from the engine's schemas and enums
 * (`@zhiping/forms`). The routes validate with these, the OpenAPI document
 * is generated from them, and the web app imports their types from here —
 * the one module of api it may import.
 */
export * from './accounts.ts';
export * from './admin.ts';
export * from './assessments.ts';
export * from './common.ts';
export * from './dashboards.ts';
export * from './definitions.ts';
export * from './history.ts';
export * from './lists.ts';
export * from './notifications.ts';
export * from './problem.ts';
export * from './programmes.ts';
export * from './review.ts';
export * from './review-queue.ts';
