'use strict';
// Agent tooling schemas (support/schemas.js) on communications and unnamed participants: the
// service answers
// - author.participantId and recipients[].participantId as the id of the participant whose
//   address it is (a string; the schema requires one),
// - recipients[].deliveryStatus, content.transcription and a participant's name absent when not
//   set, not null (the schema's .optional() refuses null).
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const { newClient } = require('./support/client');
const f = require('./support/fixtures');
const s = require('./support/schemas');

const { v2, http } = newClient();

describe('agent tooling schemas: communications, unnamed participants', () => {
  it('a TEXT communication between participants parses as Communication', async () => {
    const conversation = await f.createConversation(v2);
    const [customer, agent] = conversation.participants;
    const created = await v2
      .communications(conversation.id)
      .create(f.textCommunication(customer.addresses[0].address, agent.addresses[0].address, 'Hi'));
    const json = s.assertParses(s.Communication, http.last().body);
    assert.equal(json.author.participantId, customer.id);
    assert.equal(json.recipients[0].participantId, agent.id);

    await v2.communications(conversation.id, created.id).fetch();
    s.assertParses(s.Communication, http.last().body);
    await v2.communications(conversation.id).page({});
    s.assertParses(s.ListCommunicationsResponse, http.last().body);
  });

  it('a TRANSCRIPTION without transcription details parses as Communication', async () => {
    const conversation = await f.createConversation(v2);
    const [customer, agent] = conversation.participants;
    await v2.communications(conversation.id).create({
      author: { address: customer.addresses[0].address, channel: 'SMS' },
      content: { type: 'TRANSCRIPTION', text: 'I need help' },
      recipients: [{ address: agent.addresses[0].address, channel: 'SMS' }],
    });
    s.assertParses(s.Communication, http.last().body);
    assert.equal('transcription' in http.last().body.content, false);
  });

  it('a participant without a name parses as ConversationParticipant', async () => {
    const conversation = await f.createConversation(v2);
    await v2.participants(conversation.id).create({
      type: 'HUMAN_AGENT',
      addresses: [{ channel: 'SMS', address: f.newPhoneNumber() }],
    });
    s.assertParses(s.ConversationParticipant, http.last().body);
    assert.equal('name' in http.last().body, false);
    await v2.participants(conversation.id).page({});
    s.assertParses(s.ListParticipantsResponse, http.last().body);
  });
});
