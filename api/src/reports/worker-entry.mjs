// The entry of a report worker thread: Node does not pass the main
// thread's tsx hooks to worker threads, so load the TypeScript worker
// through tsx here.
import { tsImport } from 'tsx/esm/api';

const worker = await tsImport('./worker.ts', import.meta.url);
export default worker.default;
