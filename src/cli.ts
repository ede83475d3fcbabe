import 'reflect-metadata';
import { runCli, USAGE, UsageError } from './cli/commands.js';
import { ConfigError } from './config/app-config.js';
import { DataDirInUseError } from './database/data-dir-owner.js';
import { ImportFailed, problemTable } from './cli/import-command.js';
import { DomainError } from './common/errors/domain-error.js';

runCli(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
  else if (error instanceof DomainError) {
    // A refusal the command explains (an unreadable file, an annex with errors): its words, not a stack.
    console.error(error.message);
    const placed = error.problems.filter((p) => 'sheetRow' in p);
    if (placed.length) console.log(problemTable(placed as never));
  } else console.error(error instanceof ConfigError || error instanceof DataDirInUseError || error instanceof ImportFailed ? error.message : error);
  process.exitCode = 1;
});
