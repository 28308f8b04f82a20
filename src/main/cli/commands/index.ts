/** Every CLI command, in the order `--help` lists them. */
import type { Command } from '../command';
import { due } from './due';
import { act, list, register, show } from './requests';
import { verify } from './verify';
import { backup, restore } from './backup';

export const COMMANDS: Command[] = [register, show, list, act, due, verify, backup, restore];
