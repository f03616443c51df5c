import type { Commands } from '../commands.js';

/** `sipas-server` sub-commands of the log capability. */
export const logCommands: Commands = {};
