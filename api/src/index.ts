/** @zhiping/api — the service, for tests and tools that run it in-process. */
export { type BootOptions, boot } from './bootstrap.ts';
export { type Config, loadConfig } from './config.ts';
export type { Deps, Logger } from './deps.ts';
export { createApp } from './http/app.ts';
