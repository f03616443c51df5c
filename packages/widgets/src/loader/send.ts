// The sending code's entry for the script tag (outbox, submission controller, drafts): part of the
// first bundle of a survey or feedback page; alone on any other page, fetched when a survey or
// feedback form is added later or when something waits in the outbox, so that a queued payload is
// delivered from any page with the script.
export { startOutbox } from '../shared/outbox.js';
