/** @zhiping/api — the service, for tests and tools that run it in-process. */
export { type BootOptions, boot } from './bootstrap.ts';
export { type Config, loadConfig } from './config.ts';
export { createApp } from './http/app.ts';
export type { Deps } from './http/context.ts';
