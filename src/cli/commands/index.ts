/** Every CLI command, one file each. Add a command by adding its file and one line here. */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { registerDedupe } from './dedupe.js';
import { registerLink } from './link.js';
import { registerGenerate } from './generate.js';
import { registerNames } from './names.js';

type Register = (program: Command, ctx: CliContext) => void;

const COMMANDS: Register[] = [registerDedupe, registerLink, registerGenerate, registerNames];

export function registerCommands(program: Command, ctx: CliContext): void {
  for (const register of COMMANDS) register(program, ctx);
}
