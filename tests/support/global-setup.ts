import type { TestProject } from 'vitest/node';
import { dropTemplate, prepareTemplate, type DbTemplate } from './template';

declare module 'vitest' {
  export interface ProvidedContext {
    dbTemplate: DbTemplate;
  }
}

export default async function setup(project: TestProject) {
  const template = await prepareTemplate();
  project.provide('dbTemplate', template);
  return async () => dropTemplate(template);
}
