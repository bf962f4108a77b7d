'use strict';
// Conversations (contract §6) through twilio-node's client.conversations.v2.conversations.
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const { randomUUID } = require('node:crypto');
const { newClient, target } = require('./support/client');
const f = require('./support/fixtures');
const { rejectsWith } = require('./support/errors');

const { v2, http } = newClient();

// Callbacks go to a reserved name that never resolves (RFC 6761): nothing leaves the machine.
const CALLBACK = { url: 'https://callbacks.invalid/conversations', method: 'POST' };

describe('conversations', () => {
  it('create answers 201 with the conversation, its participants and configuration', async () => {
    const configurationId = await f.createConfiguration(v2);
    const participants = f.seedParticipants();
    const conversation = await v2.conversations.create({
      configurationId,
      name: 'Support chat for Kiran',
      participants,
      metadata: { topic: 'billing' },
    });
    assert.equal(http.last().statusCode, 201);
    assert.match(conversation.id, /^conv_conversation_/);
    assert.equal(conversation.accountId, target.accountSid);
    assert.equal(conversation.configurationId, configurationId);
    assert.equal(conversation.status, 'ACTIVE');
    assert.equal(conversation.name, 'Support chat for Kiran');
    assert.deepEqual(conversation.metadata, { topic: 'billing' });
    assert.ok(conversation.createdAt instanceof Date);
    assert.equal(conversation.configuration.conversationGroupingType, 'GROUP_BY_PROFILE');
    assert.deepEqual(conversation.configuration.channelSettings.SMS.statusTimeouts, {
      inactive: 600,
      closed: 1440,
    });
    assert.deepEqual(
      conversation.participants.map((p) => [p.name, p.type, p.addresses[0].address]),
      participants.map((p) => [p.name, p.type, p.addresses[0].address]),
    );
    assert.match(conversation.participants[0].profileId, /^mem_profile_/);
    assert.equal(conversation.participants[1].profileId, null);
    // the SDK keeps only the fields it knows: the service's lifecycle fields stay in the JSON
    const json = http.last().body;
    assert.equal(typeof json.closesAt, 'string');
    assert.equal(conversation.closesAt, undefined);
    // embedded participants are copied as they came: their dates stay strings
    assert.equal(conversation.participants[0].createdAt, json.participants[0].createdAt);
  });

  it('reads conversations with every lifecycle extension set (issue 16)', async () => {
    const configurationId = await f.createConfiguration(v2, {
      channelSettings: {
        SMS: {
          statusTimeouts: { inactive: 600, closed: 1440, warnBeforeClose: 60, basis: 'CUSTOMER' },
          responseSla: { firstResponse: 30 },
        },
      },
    });
    const created = await f.createConversation(v2, { configurationId });
    const snoozedUntil = new Date(Date.now() + 3_600_000).toISOString();
    const patched = await v2
      .conversations(created.id)
      .patch({ snoozedUntil, wakeOnActivity: false });
    assert.equal(http.last().statusCode, 200);
    assert.equal(patched.status, 'INACTIVE');
    const fetched = await v2.conversations(created.id).fetch();
    assert.equal(fetched.status, 'INACTIVE');
    assert.equal(fetched.configuration.channelSettings.SMS.statusTimeouts.closed, 1440);
    const json = http.last().body;
    assert.equal(json.wakeOnActivity, false);
    assert.equal(typeof json.snoozedUntil, 'string');
    assert.equal(json.closeWarningAt, null);
  });

  it('fetch answers the conversation as created', async () => {
    const created = await f.createConversation(v2);
    const fetched = await v2.conversations(created.id).fetch();
    assert.equal(http.last().statusCode, 200);
    assert.equal(fetched.id, created.id);
    assert.equal(fetched.name, created.name);
    assert.equal(fetched.createdAt.getTime(), created.createdAt.getTime());
    assert.deepEqual(
      fetched.participants.map((p) => p.id),
      created.participants.map((p) => p.id),
    );
  });

  it('list filters by status (repeated parameter) and pages by token', async () => {
    const configurationId = await f.createConfiguration(v2);
    const active = await f.createConversation(v2, { configurationId });
    const inactive = await f.createConversation(v2, { configurationId });
    const closed = await f.createConversation(v2, { configurationId });
    await v2.conversations(inactive.id).update({ status: 'INACTIVE' });
    await v2.conversations(closed.id).patch({ status: 'CLOSED' });

    const listed = await v2.conversations.list({ status: ['ACTIVE', 'INACTIVE'], pageSize: 1000 });
    assert.deepEqual(http.last().params.status, ['ACTIVE', 'INACTIVE']);
    const ids = listed.map((c) => c.id);
    assert.ok(ids.includes(active.id) && ids.includes(inactive.id));
    assert.ok(!ids.includes(closed.id));
    assert.ok(listed.every((c) => c.status === 'ACTIVE' || c.status === 'INACTIVE'));

    const closedOnes = await v2.conversations.list({ status: ['CLOSED'], pageSize: 1000 });
    assert.ok(closedOnes.some((c) => c.id === closed.id));
    assert.ok(closedOnes.every((c) => c.status === 'CLOSED'));

    assert.equal((await v2.conversations.list({ limit: 2 })).length, 2);
    const first = await v2.conversations.page({ status: ['ACTIVE', 'INACTIVE'], pageSize: 1 });
    assert.equal(first.instances.length, 1);
    assert.equal(first.key, 'conversations');
    const second = await first.nextPage();
    assert.deepEqual(http.last().params.status, ['ACTIVE', 'INACTIVE']);
    assert.equal(http.last().params.pageToken, first.nextToken);
    assert.equal(second.instances.length, 1);
    assert.notEqual(second.instances[0].id, first.instances[0].id);
  });

  it('a closed customer\'s next conversation parses with previousConversationId (extension)', async () => {
    const configurationId = await f.createConfiguration(v2);
    const participants = f.seedParticipants();
    const closed = await v2.conversations.create({ configurationId, participants });
    assert.equal(http.last().body.previousConversationId, null);
    await v2.conversations(closed.id).patch({ status: 'CLOSED' });

    const next = await v2.conversations.create({ configurationId, participants });
    assert.equal(http.last().statusCode, 201);
    assert.notEqual(next.id, closed.id);
    assert.equal(next.status, 'ACTIVE');
    // the SDK keeps only the fields it knows; the link stays in the JSON
    assert.equal(http.last().body.previousConversationId, closed.id);
    assert.equal(next.previousConversationId, undefined);
    const fetched = await v2.conversations(next.id).fetch();
    assert.equal(fetched.id, next.id);
    assert.equal(http.last().body.previousConversationId, closed.id);
  });

  it('update (PUT) replaces status, name and metadata', async () => {
    const created = await f.createConversation(v2, { metadata: { topic: 'billing', tier: 'gold' } });
    const updated = await v2.conversations(created.id).update({
      status: 'INACTIVE',
      name: 'Renamed',
      metadata: { topic: 'refund' },
    });
    assert.equal(http.last().method, 'PUT');
    assert.equal(http.last().statusCode, 200);
    assert.equal(updated.status, 'INACTIVE');
    assert.equal(updated.name, 'Renamed');
    assert.deepEqual(updated.metadata, { topic: 'refund' });
    assert.ok(updated.updatedAt >= created.updatedAt);
    assert.equal((await v2.conversations(created.id).fetch()).status, 'INACTIVE');
  });

  it('patch merges metadata (null removes a key) and leaves what it does not name', async () => {
    const created = await f.createConversation(v2, { metadata: { a: '1', b: '2' } });
    const patched = await v2.conversations(created.id).patch({ metadata: { b: null, c: '3' } });
    assert.equal(http.last().method, 'PATCH');
    assert.equal(http.last().statusCode, 200);
    assert.deepEqual(patched.metadata, { a: '1', c: '3' });
    assert.equal(patched.name, created.name);
    assert.equal(patched.status, 'ACTIVE');

    const unnamed = await v2.conversations(created.id).patch({ name: null });
    assert.equal(unnamed.name, null);
    assert.deepEqual(unnamed.metadata, { a: '1', c: '3' });
  });

  it('patch sets the conversation status callbacks; an empty list clears them', async () => {
    const created = await f.createConversation(v2);
    assert.deepEqual(created.configuration.statusCallbacks, []);
    const withCallbacks = await v2.conversations(created.id).patch({
      configuration: { statusCallbacks: [CALLBACK] },
    });
    assert.deepEqual(withCallbacks.configuration.statusCallbacks, [CALLBACK]);
    const fetched = await v2.conversations(created.id).fetch();
    assert.deepEqual(fetched.configuration.statusCallbacks, [CALLBACK]);

    const cleared = await v2.conversations(created.id).patch({
      configuration: { statusCallbacks: [] },
    });
    assert.deepEqual(cleared.configuration.statusCallbacks, []);
  });

  it('a status callback event filter (our extension) passes through the SDK as stored', async () => {
    const created = await f.createConversation(v2);
    const filtered = { ...CALLBACK, events: ['CONVERSATION_UPDATED', 'COMMUNICATION_CREATED'] };
    const patched = await v2.conversations(created.id).patch({
      configuration: { statusCallbacks: [filtered, CALLBACK] },
    });
    assert.deepEqual(patched.configuration.statusCallbacks, [filtered, CALLBACK]);
    const fetched = await v2.conversations(created.id).fetch();
    assert.deepEqual(fetched.configuration.statusCallbacks, [filtered, CALLBACK]);
  });

  it('remove answers 202 with an operation; the conversation is gone after it', async () => {
    const created = await f.createConversation(v2);
    const idempotencyKey = randomUUID();
    const accepted = await v2.conversations(created.id).remove({ idempotencyKey });
    assert.equal(http.last().method, 'DELETE');
    assert.equal(http.last().headers['Idempotency-Key'], idempotencyKey);
    assert.equal(http.last().statusCode, 202);
    assert.deepEqual(accepted.related, { conversationId: created.id });
    const operation = await f.settledOperation(v2, accepted);
    assert.equal(operation.status, 'COMPLETED');
    assert.deepEqual(operation.related, { conversationId: created.id });
    await rejectsWith(v2.conversations(created.id).fetch(), { status: 404, code: 20404 });
  });
});
