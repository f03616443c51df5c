// The script tag's outbox entry: the loader imports it (through core's `start`) on a page without
// a sending element only when something waits in the outbox, so the queued payload is delivered
// from any page with the script. Survey and feedback pages carry the same code in their own chunks.
export { startOutbox } from '../shared/outbox.js';
