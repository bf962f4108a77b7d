'use strict';
// Actions (contract §9) through twilio-node's client.conversations.v2.actions(cid): SEND_MESSAGE
// as Twilio's agent tooling sends every reply, held to its zod schemas (support/schemas.js). An
// adapter ends an action through POST …/Actions/{id}/Result, which is the service's own (no SDK
// has it): sent here through the SDK client's generic request(). Timeouts (5 minutes by default)
// are covered by the Java tests (action.ActionTimeoutTest).
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const { randomUUID } = require('node:crypto');
const { newClient, target } = require('./support/client');
const f = require('./support/fixtures');
const s = require('./support/schemas');
const { rejectsWith, assertErrorBody } = require('./support/errors');

const { client, v2, http } = newClient();

/** A conversation of the seed's customer and agent, with their ids and SMS numbers. */
async function conversationOfTwo() {
  const conversation = await f.createConversation(v2);
  const [customer, agent] = conversation.participants;
  return {
    conversation,
    customer: { id: customer.id, address: customer.addresses[0].address },
    agent: { id: agent.id, address: agent.addresses[0].address },
  };
}

/** A SEND_MESSAGE body from one party to another. */
function sendMessage(from, to, text, channelSettings) {
  const payload = { from, to: [to], content: { text } };
  if (channelSettings) {
    payload.channelSettings = channelSettings;
  }
  return { type: 'SEND_MESSAGE', payload };
}

/** The adapter's report: POST …/Actions/{id}/Result through the SDK client; answers the exchange. */
async function report(conversationId, actionId, result) {
  const response = await client.request({
    method: 'post',
    uri: `https://conversations.twilio.com/v2/Conversations/${conversationId}/Actions/${actionId}/Result`,
    headers: { 'Content-Type': 'application/json' },
    data: result,
  });
  return { statusCode: response.statusCode, body: response.body };
}

describe('actions', () => {
  describe('create answers 202 with a PENDING action, however a party is named', () => {
    const ways = {
      'participantId and channel': (p) => ({ participantId: p.id, channel: 'SMS' }),
      'participantId alone (its only address)': (p) => ({ participantId: p.id }),
      'address and channel': (p) => ({ address: p.address, channel: 'SMS' }),
    };
    for (const [way, name] of Object.entries(ways)) {
      it(way, async () => {
        const { conversation, customer, agent } = await conversationOfTwo();
        const body = sendMessage(name(agent), name(customer), 'Your order shipped', {
          messagingServiceSid: 'MG00000000000000000000000000000000',
        });
        const action = await v2.actions(conversation.id).create(body);
        assert.equal(http.last().method, 'POST');
        assert.equal(http.last().statusCode, 202);
        assert.match(action.id, /^conv_action_/);
        assert.equal(action.type, 'SEND_MESSAGE');
        assert.equal(action.status, 'PENDING');
        assert.equal(action.conversationId, conversation.id);
        assert.deepEqual(action.related, {});
        assert.ok(action.createdAt instanceof Date);
        assert.equal(action.completedAt, null);
        assert.equal(action.failureReason, null);
        s.assertParses(s.ActionResponse, http.last().body);
        assert.equal(http.last().body.accountId, target.accountSid);
        if (body.payload.from.channel) {
          // the agent tooling always names the channel; its request schema holds the body sent
          s.assertParses(s.SendMessageActionRequest, body);
        }

        // twilio-node 6.3.1 quirk: the instance create() answers has no actionId in its path, so
        // action.fetch() throws before sending; fetch through v2.actions(cid, id) instead
        assert.throws(() => action.fetch(), /Parameter 'actionId' is not valid/);
        const fetched = await v2.actions(conversation.id, action.id).fetch();
        assert.equal(http.last().statusCode, 200);
        s.assertParses(s.ActionResponse, http.last().body);
        assert.deepEqual(fetched.toJSON(), action.toJSON());
      });
    }
  });

  it('a COMPLETED result makes the message a communication of the conversation', async () => {
    const { conversation, customer, agent } = await conversationOfTwo();
    const action = await v2
      .actions(conversation.id)
      .create(
        sendMessage(
          { participantId: agent.id, channel: 'SMS' },
          { participantId: customer.id, channel: 'SMS' },
          'Hi Kiran',
        ),
      );
    const messageSid = f.newMessageSid();

    const reported = await report(conversation.id, action.id, {
      status: 'COMPLETED',
      messageId: messageSid,
    });
    assert.equal(reported.statusCode, 200);
    assert.equal(reported.body.status, 'COMPLETED');

    const completed = await v2.actions(conversation.id, action.id).fetch();
    s.assertParses(s.ActionResponse, http.last().body);
    assert.equal(completed.status, 'COMPLETED');
    assert.equal(completed.related.messageSid, messageSid);
    assert.match(completed.related.communicationId, /^conv_communication_/);
    assert.ok(completed.completedAt instanceof Date);
    assert.ok(completed.completedAt >= completed.createdAt);
    assert.equal(completed.failureReason, null);

    const communications = await v2.communications(conversation.id).list();
    s.assertParses(s.ListCommunicationsResponse, http.last().body);
    assert.deepEqual(
      communications.map((c) => c.id),
      [completed.related.communicationId],
    );
    const communication = await v2
      .communications(conversation.id, completed.related.communicationId)
      .fetch();
    const json = s.assertParses(s.Communication, http.last().body);
    assert.equal(communication.channelId, messageSid);
    assert.equal(json.content.text, 'Hi Kiran');
    assert.deepEqual(
      [json.author.participantId, json.author.address, json.author.channel],
      [agent.id, agent.address, 'SMS'],
    );
    assert.deepEqual(
      json.recipients.map((r) => [r.participantId, r.address, r.channel]),
      [[customer.id, customer.address, 'SMS']],
    );

    // the same report again changes nothing; another outcome is a conflict
    const again = await report(conversation.id, action.id, {
      status: 'COMPLETED',
      messageId: messageSid,
    });
    assert.equal(again.statusCode, 200);
    assert.deepEqual(again.body, reported.body);
    const other = await report(conversation.id, action.id, {
      status: 'FAILED',
      failureReason: 'late',
    });
    assert.equal(other.statusCode, 409);
    assertErrorBody(other.body, { status: 409, code: 20409 });
    assert.equal((await v2.communications(conversation.id).list()).length, 1);
  });

  it('create takes an Idempotency-Key header (second argument): a retry answers the first action', async () => {
    const { conversation, customer, agent } = await conversationOfTwo();
    const body = sendMessage(
      { participantId: agent.id },
      { participantId: customer.id },
      'Once only',
    );
    const key = randomUUID();
    const first = await v2.actions(conversation.id).create(body, { 'Idempotency-Key': key });
    assert.equal(http.last().headers['Idempotency-Key'], key);
    const again = await v2.actions(conversation.id).create(body, { 'Idempotency-Key': key });
    assert.equal(http.last().statusCode, 202);
    assert.deepEqual(again.toJSON(), first.toJSON());
  });

  it('a FAILED result carries its reason and records no communication', async () => {
    const { conversation, customer, agent } = await conversationOfTwo();
    const action = await v2
      .actions(conversation.id)
      .create(
        sendMessage(
          { participantId: agent.id },
          { address: customer.address, channel: 'SMS' },
          'Hi',
        ),
      );
    const reported = await report(conversation.id, action.id, {
      status: 'FAILED',
      failureReason: 'carrier rejected the message',
    });
    assert.equal(reported.statusCode, 200);
    const failed = await v2.actions(conversation.id, action.id).fetch();
    s.assertParses(s.ActionResponse, http.last().body);
    assert.equal(failed.status, 'FAILED');
    assert.equal(failed.failureReason, 'carrier rejected the message');
    assert.deepEqual(failed.related, {});
    assert.ok(failed.completedAt instanceof Date);
    assert.deepEqual(await v2.communications(conversation.id).list(), []);
  });

  describe('refused', () => {
    it('a party that is not a participant: 400 naming it', async () => {
      const { conversation, agent } = await conversationOfTwo();
      const stranger = 'conv_participant_' + '0'.repeat(26);
      const error = await rejectsWith(
        v2
          .actions(conversation.id)
          .create(sendMessage({ participantId: agent.id }, { participantId: stranger }, 'x')),
        { status: 400, code: 20001 },
      );
      assert.equal(
        error.message,
        `Invalid value for 'payload.to[0].participantId': ${stranger} is not a participant of this conversation`,
      );
    });

    it('an unknown field in the payload: 400 naming it', async () => {
      const { conversation, customer, agent } = await conversationOfTwo();
      const body = sendMessage({ participantId: agent.id }, { participantId: customer.id }, 'x');
      body.payload.content.html = '<b>x</b>';
      const error = await rejectsWith(v2.actions(conversation.id).create(body), {
        status: 400,
        code: 20001,
      });
      assert.equal(error.message, "Unknown field 'payload.content.html'");
    });

    it('a CLOSED conversation takes no action: 409', async () => {
      const { conversation, customer, agent } = await conversationOfTwo();
      await v2.conversations(conversation.id).patch({ status: 'CLOSED' });
      await rejectsWith(
        v2
          .actions(conversation.id)
          .create(sendMessage({ participantId: agent.id }, { participantId: customer.id }, 'x')),
        { status: 409, code: 20409 },
      );
      assertErrorBody(http.last().body, { status: 409, code: 20409 });
    });

    it('an action of another conversation: 404', async () => {
      const first = await conversationOfTwo();
      const second = await conversationOfTwo();
      const action = await v2
        .actions(first.conversation.id)
        .create(
          sendMessage({ participantId: first.agent.id }, { participantId: first.customer.id }, 'x'),
        );
      await rejectsWith(v2.actions(second.conversation.id, action.id).fetch(), {
        status: 404,
        code: 20404,
      });
    });
  });
});
