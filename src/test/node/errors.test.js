'use strict';
// Error answers (contract §1 "Error bodies") as a twilio-node caller meets them: a RestException
// carrying the HTTP status and the body's code, and the body itself exactly the contract's.
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const { randomUUID } = require('node:crypto');
const { newClient } = require('./support/client');
const f = require('./support/fixtures');
const { rejectsWith, assertErrorBody } = require('./support/errors');

const { v2, http } = newClient();

/** Well-formed ids that name nothing. */
const NONE = '0'.repeat(26);
const MISSING = {
  configuration: `conv_configuration_${NONE}`,
  conversation: `conv_conversation_${NONE}`,
  participant: `conv_participant_${NONE}`,
  communication: `conv_communication_${NONE}`,
  operation: `proc_job_${NONE}`,
};

/** Fails with the status and code, and the service answered the contract's error body. */
async function answersError(call, expected) {
  const error = await rejectsWith(call(), expected);
  assert.equal(http.last().statusCode, expected.status);
  assertErrorBody(http.last().body, expected);
  assert.equal(error.message, http.last().body.message);
  assert.equal(error.moreInfo, http.last().body.more_info);
  return error;
}

describe('errors', () => {
  describe('404 for what does not exist', () => {
    let conversationId;
    const cases = {
      'configuration fetch': () => v2.configurations(MISSING.configuration).fetch(),
      'configuration patch': () => v2.configurations(MISSING.configuration).patch({ description: 'x' }),
      'configuration remove': () => v2.configurations(MISSING.configuration).remove(),
      'conversation fetch': () => v2.conversations(MISSING.conversation).fetch(),
      'conversation update': () => v2.conversations(MISSING.conversation).update({ status: 'CLOSED' }),
      'participants of a missing conversation (list)': () =>
        v2.participants(MISSING.conversation).list(),
      'participant fetch': () => v2.participants(conversationId, MISSING.participant).fetch(),
      'communication fetch': () => v2.communications(conversationId, MISSING.communication).fetch(),
      'operation fetch': () => v2.operations(MISSING.operation).fetch(),
    };
    for (const [name, call] of Object.entries(cases)) {
      it(name, async () => {
        conversationId ??= (await f.createConversation(v2)).id;
        await answersError(call, { status: 404, code: 20404 });
      });
    }
  });

  describe('400 for invalid input, naming the field', () => {
    let conversation;
    const cases = {
      'configuration without its required fields': [
        () => v2.configurations.create({ displayName: 'incomplete' }),
        /conversationGroupingType|description|memoryStoreId/,
      ],
      'configuration with a display name outside the pattern': [
        () => v2.configurations.create(f.configurationBody({ displayName: 'no/slashes!' })),
        /displayName/,
      ],
      'conversation PUT without status': [
        () => v2.conversations(conversation.id).update({ name: 'no status' }),
        /status/,
      ],
      'participant with an unknown channel': [
        () =>
          v2.participants(conversation.id).create({
            addresses: [{ channel: 'FAX', address: '+15550000000' }],
          }),
        /channel/,
      ],
      'communication without recipients': [
        () =>
          v2.communications(conversation.id).create({
            author: { address: '+15550000000', channel: 'SMS' },
            content: { type: 'TEXT', text: 'to nobody' },
          }),
        /recipients/,
      ],
      'page size above 1000': [() => v2.conversations.page({ pageSize: 1001 }), /pageSize/],
    };
    for (const [name, [call, field]] of Object.entries(cases)) {
      it(name, async () => {
        conversation ??= await f.createConversation(v2);
        const error = await answersError(call, { status: 400, code: 20001 });
        assert.match(error.message, field);
      });
    }
  });

  describe('409 for a conflict, naming the conflicting resource', () => {
    it('a second open conversation for the same customer under a grouping configuration', async () => {
      const first = await f.createConversation(v2);
      const customer = first.participants[0];
      await answersError(
        () =>
          v2.conversations.create({
            configurationId: first.configurationId,
            participants: [{ type: 'CUSTOMER', addresses: customer.addresses.map((a) => ({ ...a })) }],
          }),
        { status: 409, code: 20409 },
      );
      assert.equal(http.last().responseHeaders['x-conflicting-resource-id'], first.id);
    });

    it('removing a configuration that open conversations use', async () => {
      const conversation = await f.createConversation(v2);
      await answersError(() => v2.configurations(conversation.configurationId).remove(), {
        status: 409,
        code: 20409,
      });
      assert.equal(http.last().responseHeaders['x-conflicting-resource-id'], conversation.id);
    });

    it('adding a participant to a CLOSED conversation', async () => {
      const conversation = await f.createConversation(v2);
      await v2.conversations(conversation.id).update({ status: 'CLOSED' });
      await answersError(
        () =>
          v2.participants(conversation.id).create({
            addresses: [{ channel: 'SMS', address: f.newPhoneNumber() }],
          }),
        { status: 409, code: 20409 },
      );
    });
  });

  it('422 for an Idempotency-Key reused with another body', async () => {
    const key = randomUUID();
    await v2.configurations.create(f.configurationBody(), { 'Idempotency-Key': key });
    await answersError(
      () => v2.configurations.create(f.configurationBody(), { 'Idempotency-Key': key }),
      { status: 422, code: 20422 },
    );
  });
});
