import type { Commands } from '../commands.js';

/** `sipas-server` sub-commands of the procedures capability. */
export const procedureCommands: Commands = {};
