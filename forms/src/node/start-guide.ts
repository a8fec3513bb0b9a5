import { join } from 'node:path';
import { StartGuide } from '../start/guide.ts';
import { paths } from './library.ts';
import { readYaml } from './yaml.ts';

/** forms/start/guide.yaml, parsed; throws when it does not fit its schema. */
export function loadStartGuide(file = join(paths.definitions, '..', 'start', 'guide.yaml')) {
  return StartGuide.parse(readYaml(file).data);
}
