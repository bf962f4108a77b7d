'use strict';
// Participants (contract §7) through twilio-node's client.conversations.v2.participants(cid).
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const { newClient, target } = require('./support/client');
const f = require('./support/fixtures');

const { v2, http } = newClient();

describe('participants', () => {
  it('create answers 201 with the participant', async () => {
    const conversation = await f.createConversation(v2);
    const participant = await v2.participants(conversation.id).create({
      name: 'Assistant',
      type: 'AI_AGENT',
      addresses: [{ channel: 'CHAT', address: 'assistant-1', channelId: 'CH-assistant' }],
    });
    assert.equal(http.last().statusCode, 201);
    assert.match(participant.id, /^conv_participant_/);
    assert.equal(participant.conversationId, conversation.id);
    assert.equal(participant.accountId, target.accountSid);
    assert.equal(participant.name, 'Assistant');
    assert.equal(participant.type, 'AI_AGENT');
    assert.equal(participant.profileId, null); // resolved only for CUSTOMER participants
    assert.deepEqual({ ...participant.addresses[0] }, {
      channel: 'CHAT',
      address: 'assistant-1',
      channelId: 'CH-assistant',
    });
    assert.ok(participant.createdAt instanceof Date);
  });

  it('fetch answers the participant as created', async () => {
    const conversation = await f.createConversation(v2);
    const customer = conversation.participants[0];
    const fetched = await v2.participants(conversation.id, customer.id).fetch();
    assert.equal(fetched.id, customer.id);
    assert.equal(fetched.type, 'CUSTOMER');
    assert.equal(fetched.profileId, customer.profileId);
    assert.equal(fetched.addresses[0].address, customer.addresses[0].address);
  });

  it('list pages by token through list(), page() and each()', async () => {
    const conversation = await f.createConversation(v2);
    const added = await v2.participants(conversation.id).create({
      name: 'Agent Two',
      type: 'HUMAN_AGENT',
      addresses: [{ channel: 'SMS', address: f.newPhoneNumber() }],
    });
    const expected = [...conversation.participants.map((p) => p.id), added.id].sort();

    const all = await v2.participants(conversation.id).list();
    assert.deepEqual(all.map((p) => p.id).sort(), expected);
    assert.equal((await v2.participants(conversation.id).list({ limit: 2 })).length, 2);

    const first = await v2.participants(conversation.id).page({ pageSize: 2 });
    assert.equal(first.key, 'participants');
    assert.equal(first.instances.length, 2);
    const second = await first.nextPage();
    assert.equal(http.last().params.pageToken, first.nextToken);
    assert.equal(second.instances.length, 1);
    assert.equal(second.nextToken, undefined);

    const seen = [];
    await v2.participants(conversation.id).each({ pageSize: 1 }, (p) => seen.push(p.id));
    assert.deepEqual(seen.sort(), expected);
  });

  it('update (PUT) changes name, type and addresses', async () => {
    const conversation = await f.createConversation(v2);
    const agent = conversation.participants[1];
    const number = f.newPhoneNumber();
    const updated = await v2.participants(conversation.id, agent.id).update({
      name: 'Kai B. (supervisor)',
      type: 'AGENT',
      addresses: [
        { channel: 'SMS', address: number },
        { channel: 'WHATSAPP', address: `whatsapp:${number}` },
      ],
    });
    assert.equal(http.last().method, 'PUT');
    assert.equal(http.last().statusCode, 200);
    assert.equal(updated.name, 'Kai B. (supervisor)');
    assert.equal(updated.type, 'AGENT');
    assert.deepEqual(
      updated.addresses.map((a) => [a.channel, a.address]),
      [
        ['SMS', number],
        ['WHATSAPP', `whatsapp:${number}`],
      ],
    );
    const fetched = await v2.participants(conversation.id, agent.id).fetch();
    assert.equal(fetched.name, 'Kai B. (supervisor)');
    assert.equal(fetched.addresses.length, 2);
  });
});
