import type { Commands } from '../commands.js';

/** `sipas-server` sub-commands of the feedback capability. */
export const feedbackCommands: Commands = {};
