import type { Commands } from '../commands.js';

/** `sipas-server` sub-commands of the results capability. */
export const resultsCommands: Commands = {};
