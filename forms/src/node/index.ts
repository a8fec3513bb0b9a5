/** Node adapter: reads definition YAML, the source catalogue and samples from disk. */
export * from './library.ts';
export { loadStartGuide } from './start-guide.ts';
export { readYaml, type YamlFile } from './yaml.ts';
