// Jest loads global setup with Node's own ESM loader, which cannot resolve our TypeScript
// sources; tsx transpiles them for this one import (the tests themselves go through ts-jest).
import { tsImport } from 'tsx/esm/api';

export default async function globalSetup() {
  const { setup } = await tsImport('./support/environment.ts', import.meta.url);
  await setup();
}
