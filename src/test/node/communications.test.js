'use strict';
// Communications (contract §8) through twilio-node's client.conversations.v2.communications(cid).
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const { newClient, target } = require('./support/client');
const f = require('./support/fixtures');

const { v2, http } = newClient();

/** A conversation and the SMS numbers of its customer and agent. */
async function conversationWithNumbers() {
  const conversation = await f.createConversation(v2);
  const [customer, agent] = conversation.participants.map((p) => p.addresses[0].address);
  return { conversation, customer, agent };
}

describe('communications', () => {
  it('create answers 201 with a TEXT communication', async () => {
    const { conversation, customer, agent } = await conversationWithNumbers();
    const occurredAt = '2026-01-02T03:04:05Z';
    const communication = await v2
      .communications(conversation.id)
      .create(f.textCommunication(customer, agent, 'Hello', { channelId: 'SM-1', occurredAt }));
    assert.equal(http.last().statusCode, 201);
    assert.match(communication.id, /^conv_communication_/);
    assert.equal(communication.conversationId, conversation.id);
    assert.equal(communication.accountId, target.accountSid);
    assert.equal(communication.author.address, customer);
    assert.equal(communication.author.channel, 'SMS');
    assert.equal(communication.content.type, 'TEXT');
    assert.equal(communication.content.text, 'Hello');
    assert.equal(communication.channelId, 'SM-1');
    assert.deepEqual(
      communication.recipients.map((r) => [r.address, r.channel]),
      [[agent, 'SMS']],
    );
    assert.equal(communication.occurredAt.toISOString(), '2026-01-02T03:04:05.000Z');
    assert.ok(communication.createdAt instanceof Date);
  });

  it('create keeps a TRANSCRIPTION with its transcription details', async () => {
    const { conversation, customer, agent } = await conversationWithNumbers();
    const transcription = { channel: 0, confidence: 0.92, engine: 'deepgram' };
    const created = await v2.communications(conversation.id).create({
      author: { address: customer, channel: 'VOICE' },
      content: { type: 'TRANSCRIPTION', text: 'I need help', transcription },
      recipients: [{ address: agent, channel: 'VOICE' }],
    });
    assert.equal(created.content.type, 'TRANSCRIPTION');
    assert.equal(created.content.text, 'I need help');
    assert.deepEqual(
      {
        channel: created.content.transcription.channel,
        confidence: created.content.transcription.confidence,
        engine: created.content.transcription.engine,
      },
      transcription,
    );
  });

  it('fetch answers the communication as created', async () => {
    const { conversation, customer, agent } = await conversationWithNumbers();
    const created = await v2
      .communications(conversation.id)
      .create(f.textCommunication(customer, agent, 'Fetch me'));
    const fetched = await v2.communications(conversation.id, created.id).fetch();
    assert.equal(http.last().statusCode, 200);
    assert.equal(fetched.id, created.id);
    assert.equal(fetched.content.text, 'Fetch me');
    assert.equal(fetched.createdAt.getTime(), created.createdAt.getTime());
  });

  it('list filters by channelId and pages by token', async () => {
    const { conversation, customer, agent } = await conversationWithNumbers();
    const communications = v2.communications(conversation.id);
    const ids = [];
    for (const [text, channelId] of [
      ['one', 'SM-a'],
      ['two', 'SM-b'],
      ['three', 'SM-a'],
    ]) {
      ids.push((await communications.create(f.textCommunication(customer, agent, text, { channelId }))).id);
    }

    const all = await communications.list();
    assert.deepEqual(all.map((c) => c.id).sort(), [...ids].sort());
    const onA = await communications.list({ channelId: 'SM-a' });
    assert.equal(http.last().params.channelId, 'SM-a');
    assert.deepEqual(onA.map((c) => c.id).sort(), [ids[0], ids[2]].sort());

    const first = await communications.page({ channelId: 'SM-a', pageSize: 1 });
    assert.equal(first.key, 'communications');
    const second = await first.nextPage();
    assert.equal(http.last().params.channelId, 'SM-a');
    assert.equal(http.last().params.pageToken, first.nextToken);
    assert.deepEqual(
      [first.instances[0].id, second.instances[0].id].sort(),
      [ids[0], ids[2]].sort(),
    );
  });

  it('create with a known resourceId updates that communication (upsert)', async () => {
    const { conversation, customer, agent } = await conversationWithNumbers();
    const communications = v2.communications(conversation.id);
    const resourceId = `SM${Date.now()}`;
    const first = await communications.create(
      f.textCommunication(customer, agent, 'Draft', { resourceId }),
    );
    assert.equal(first.resourceId, resourceId);
    const second = await communications.create(
      f.textCommunication(customer, agent, 'Final', { resourceId }),
    );
    assert.equal(second.id, first.id);
    assert.equal(second.content.text, 'Final');
    const listed = await communications.list();
    assert.deepEqual(listed.map((c) => c.id), [first.id]);
    assert.equal(listed[0].content.text, 'Final');
  });
});
