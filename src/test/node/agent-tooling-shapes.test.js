'use strict';
// The JSON the service answers, held to the zod schemas of Twilio's agent tooling
// (twilio-agent-connect-typescript, restated in support/schemas.js). That tool reads these bodies
// with axios, so the schemas are applied to the JSON as sent, not to twilio-node's instances.
// Communications (participantIds, absent-not-null fields) and unnamed participants are in
// agent-tooling.test.js.
const { describe, it } = require('node:test');
const { newClient } = require('./support/client');
const f = require('./support/fixtures');
const s = require('./support/schemas');

const { v2, http } = newClient();

describe('agent tooling schemas: configurations, conversations, participants', () => {
  it('a configuration (GET) parses as ConversationConfiguration', async () => {
    const id = await f.createConfiguration(v2, {
      channelSettings: {
        SMS: {
          statusTimeouts: { inactive: 600, closed: 1440 },
          captureRules: [{ from: '*', to: '+15550001111' }],
        },
        VOICE: { statusTimeouts: { closed: 60 } },
      },
      statusCallbacks: [{ url: 'https://callbacks.invalid/conversations' }],
    });
    await v2.configurations(id).fetch();
    s.assertParses(s.ConversationConfiguration, http.last().body);
  });

  it('a conversation created, fetched and updated parses as ConversationResponse', async () => {
    const created = await f.createConversation(v2);
    s.assertParses(s.ConversationResponse, http.last().body);
    await v2.conversations(created.id).fetch();
    s.assertParses(s.ConversationResponse, http.last().body);
    await v2.conversations(created.id).update({ status: 'INACTIVE' });
    s.assertParses(s.ConversationResponse, http.last().body);
    await v2.conversations(created.id).patch({ name: null });
    s.assertParses(s.ConversationResponse, http.last().body);
  });

  it('a conversation list page parses as ListConversationsResponse', async () => {
    await f.createConversation(v2);
    await v2.conversations.page({ status: ['ACTIVE', 'INACTIVE'], pageSize: 50 });
    s.assertParses(s.ListConversationsResponse, s.withoutInlineConversations(http.last().body));
  });

  it('named participants parse as ConversationParticipant, their list as ListParticipantsResponse', async () => {
    const conversation = await f.createConversation(v2);
    for (const participant of http.last().body.participants) {
      s.assertParses(s.ConversationParticipant, participant);
    }
    await v2.participants(conversation.id).create({
      name: 'Assistant',
      type: 'AI_AGENT',
      addresses: [{ channel: 'CHAT', address: 'assistant-1' }],
    });
    s.assertParses(s.ConversationParticipant, http.last().body);
    await v2.participants(conversation.id).page({});
    s.assertParses(s.ListParticipantsResponse, http.last().body);
  });
});
