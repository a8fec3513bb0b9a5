import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build as esbuild } from 'esbuild';
import { once } from './once.ts';

/*
 * The API's sources bundled into one ES module, built once per test run, so
 * each browser test file starts its server with plain `node` instead of tsx.
 * tsx resolves and transpiles every module through loader hooks on a second
 * thread: measured on this machine, a start-up cost 4.3–5.0 s of CPU through
 * tsx and 2.9–3.2 s from the bundle, and the e2e files start ~16 servers.
 *
 * Only the workspace's TypeScript is bundled. Every package from
 * node_modules stays outside, imported by the absolute path esbuild resolved
 * it to — the same file Node itself resolves from the importing source (all
 * 96 such imports compared equal), so no package is loaded twice under two
 * names. `import.meta.url` and `import.meta.dirname` are replaced by each
 * source file's own, so what the API finds beside its sources (the report
 * worker, fonts, web/dist, the seeds) it finds as under tsx.
 */

const INNER = Symbol('resolved by the plugin itself');

/** Builds `<apiDir>/src/main.ts` into `outfile`. */
async function build(apiDir: string, outfile: string): Promise<void> {
  await esbuild({
    entryPoints: [join(apiDir, 'src', 'main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    plugins: [
      {
        name: 'packages-outside',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, async (args) => {
            if (args.pluginData === INNER || args.path.startsWith('node:')) return undefined;
            const r = await b.resolve(args.path, {
              kind: args.kind,
              resolveDir: args.resolveDir,
              pluginData: INNER,
            });
            if (r.errors.length > 0) return { errors: r.errors };
            // Workspace packages resolve (through their symlinks) to their sources: bundled.
            if (!r.path.includes('/node_modules/')) return { path: r.path };
            return { path: pathToFileURL(r.path).href, external: true };
          });
          b.onLoad({ filter: /\.ts$/ }, ({ path }) => ({
            contents: readFileSync(path, 'utf8')
              .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href))
              .replaceAll('import.meta.dirname', JSON.stringify(dirname(path)))
              .replaceAll('import.meta.filename', JSON.stringify(path)),
            loader: 'ts',
          }));
        },
      },
    ],
  });
}

/** The API as one module in `runDir` (built by the first caller of the run). */
export function apiBundle(apiDir: string, runDir: string): Promise<string> {
  return once(join(runDir, 'api.mjs'), (tmp) => build(apiDir, tmp));
}
