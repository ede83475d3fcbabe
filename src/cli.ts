import 'reflect-metadata';
import { runCli, USAGE, UsageError } from './cli/commands.js';
import { ConfigError } from './config/app-config.js';
import { DataDirInUseError } from './database/data-dir-owner.js';

runCli(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
  else console.error(error instanceof ConfigError || error instanceof DataDirInUseError ? error.message : error);
  process.exitCode = 1;
});
