/** Every CLI command, in the order `--help` lists them. */
import type { Command } from '../command';
import { due } from './due';
import { act, attach, list, register, resolve, show } from './requests';
import { importJournal } from './import';
import { journal } from './journal';
import { opendata } from './opendata';
import { report } from './report';
import { form, letter, receiptCommand, stamp } from './documents';
import { verify } from './verify';
import { backup, restore } from './backup';
import { adopt, serverMigrate, sync } from './sync';
import { settings } from './settings';
import { adminPassword } from './adminPassword';

export const COMMANDS: Command[] = [register, show, list, act, resolve, attach, due, stamp, receiptCommand, form, letter, settings, adminPassword, verify, backup, restore, journal, report, opendata, importJournal, serverMigrate, sync, adopt];
