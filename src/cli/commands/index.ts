/** Every CLI command, one file each. Add a command by adding its file and one line here. */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { registerAdmin } from './admin.js';
import { registerServe } from './serve.js';
import { registerSearch } from './search.js';
import { registerDedupe } from './dedupe.js';
import { registerLink } from './link.js';
import { registerGenerate } from './generate.js';
import { registerNames } from './names.js';
import { registerReports } from './reports.js';
import { registerImport } from './import.js';
import { registerExport } from './export.js';
import { registerModel } from './model.js';

type Register = (program: Command, ctx: CliContext) => void;

const COMMANDS: Register[] = [
  registerDedupe,
  registerLink,
  registerServe,
  registerAdmin,
  registerSearch,
  registerGenerate,
  registerNames,
  registerReports,
  registerImport,
  registerExport,
  registerModel,
];

export function registerCommands(program: Command, ctx: CliContext): void {
  for (const register of COMMANDS) register(program, ctx);
}
