import type { TestProject } from 'vitest/node';
import { ensureWebBuilt } from '../../web/tools/ensure-built';

declare module 'vitest' {
  export interface ProvidedContext {
    webBuildError: string;
  }
}

/**
 * Browser tests need web/dist: build it once per run when missing or older than the sources. A failed build must
 * not stop the API tests of the same run: the error is handed to the browser tests, which fail with it.
 */
export default async function setup(project: TestProject) {
  try {
    await ensureWebBuilt();
    project.provide('webBuildError', '');
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    console.warn(`web build failed; browser tests will fail:\n${message.slice(0, 2000)}`);
    project.provide('webBuildError', message);
  }
}
