import { expect } from '@open-wc/testing';
import { FEEDBACK_STATUS_LABELS, FEEDBACK_STATUSES, FEEDBACK_TOPIC_LABELS, FEEDBACK_TOPICS } from '@sipas/schema/rules';
import { statusLabel, topicLabel } from '../../packages/widgets/src/shared/labels.js';

// The schema holds the words once (the server writes them into exports and emails); the
// elements and the desk say them through msg() with the same ids, in Vietnamese the same words.
describe('status and topic words', () => {
  it('are the schema’s, in every element and the desk', () => {
    for (const status of FEEDBACK_STATUSES) expect(statusLabel(status)).to.equal(FEEDBACK_STATUS_LABELS[status].vi);
    for (const topic of FEEDBACK_TOPICS) expect(topicLabel(topic)).to.equal(FEEDBACK_TOPIC_LABELS[topic].vi);
  });
});
