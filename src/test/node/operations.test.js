'use strict';
// Operations (contract §5) through twilio-node's client.conversations.v2.operations(id).fetch().
// Configuration operations are polled in configurations.test.js; here: the conversation delete.
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const { newClient } = require('./support/client');
const f = require('./support/fixtures');

const { v2, http } = newClient();

describe('operations', () => {
  it('a conversation removal is an operation naming the conversation', async () => {
    const conversation = await f.createConversation(v2);
    const accepted = await v2.conversations(conversation.id).remove();
    const operationId = f.operationIdOf(accepted);
    assert.equal(http.last().responseHeaders['operation-id'], operationId);

    const operation = await f.settledOperation(v2, accepted);
    assert.equal(http.last().statusCode, 200);
    assert.equal(operation.operationId, operationId);
    assert.equal(operation.status, 'COMPLETED');
    assert.equal(operation.statusUrl, accepted.statusUrl);
    assert.deepEqual(operation.related, { conversationId: conversation.id });
    assert.equal(operation.error, null);
    assert.ok(operation.completedAt instanceof Date);

    // fetched again: the same answer
    const again = await v2.operations(operationId).fetch();
    assert.deepEqual(again.toJSON(), operation.toJSON());
  });
});
