'use strict';
// The response and request shapes Twilio's own agent tooling validates with zod, restated here so
// that this suite can hold the service's answers to them.
//
// Source: twilio/twilio-agent-connect-typescript, packages/core/src/types/conversation.ts at
// commit 0872e2dce04c1545786bcab9f147547fdd3f579a
// (https://github.com/twilio/twilio-agent-connect-typescript/blob/0872e2dce04c1545786bcab9f147547fdd3f579a/packages/core/src/types/conversation.ts),
// MIT licensed, Copyright Twilio. Only the schemas of what the service answers or accepts are
// restated (not the tool's own session types); names are theirs without the "Schema" suffix. That
// package depends on zod ^3.22, so zod 3 semantics apply: z.object() ignores unknown keys,
// .optional() accepts undefined but not null, .nullish() accepts both.
//
// The tool calls the API with axios (packages/core/src/clients/conversation.ts) and parses the raw
// JSON bodies, not twilio-node's instance objects: assertParses is meant for the JSON the service
// sent (http.last().body), not for SDK instances.
const assert = require('node:assert/strict');
const { z } = require('zod');

const ParticipantAddressType = z.enum([
  'VOICE',
  'SMS',
  'RCS',
  'EMAIL',
  'WHATSAPP',
  'CHAT',
  'API',
  'SYSTEM',
]);

/** Author and recipients of a communication: participantId is required, a string. */
const CommunicationParticipant = z.object({
  address: z.string().max(254),
  channel: ParticipantAddressType,
  participantId: z.string(),
  deliveryStatus: z.enum(['INITIATED', 'IN_PROGRESS', 'DELIVERED', 'COMPLETED', 'FAILED']).optional(),
});

const TranscriptionWord = z.object({
  text: z.string(),
  startTime: z.string().optional(),
  endTime: z.string().optional(),
});

const Transcription = z.object({
  channel: z.number().optional(),
  confidence: z.number().min(0).max(1).optional(),
  engine: z.string().optional(),
  words: z.array(TranscriptionWord).optional(),
});

const CommunicationContent = z.object({
  type: z.enum(['TEXT', 'TRANSCRIPTION']),
  text: z.string().max(8388608),
  transcription: Transcription.optional(),
});

const Communication = z.object({
  id: z.string(),
  conversationId: z.string(),
  accountId: z.string(),
  author: CommunicationParticipant,
  content: CommunicationContent,
  recipients: z.array(CommunicationParticipant),
  channelId: z.string().nullable().optional(),
  createdAt: z.string().nullable().optional(),
  updatedAt: z.string().nullable().optional(),
  occurredAt: z.string().nullable().optional(),
});

const ListCommunicationsResponse = z.object({ communications: z.array(Communication) });

/** from/to of a SEND_MESSAGE action: participantId or address, always a channel. */
const ActionParticipantRef = z
  .object({
    participantId: z.string().min(1).optional(),
    address: z.string().min(1).max(254).optional(),
    channel: ParticipantAddressType,
  })
  .refine((ref) => Boolean(ref.participantId) || Boolean(ref.address), {
    message: 'needs participantId or address',
  });

const ActionTextContent = z.object({ text: z.string().max(8388608) });

const ActionChannelSettings = z
  .object({ channelId: z.string().optional(), chatService: z.string().optional() })
  .passthrough();

const SendMessageActionPayload = z.object({
  from: ActionParticipantRef,
  to: z.array(ActionParticipantRef).min(1),
  content: ActionTextContent,
  channelSettings: ActionChannelSettings.optional(),
});

const SendMessageActionRequest = z.object({
  type: z.literal('SEND_MESSAGE').default('SEND_MESSAGE'),
  payload: SendMessageActionPayload,
});

/** The 202 answer of POST …/Actions; type and status are plain strings on purpose. */
const ActionResponse = z.object({
  id: z.string(),
  type: z.string(),
  status: z.string(),
  conversationId: z.string(),
  createdAt: z.string().nullish(),
});

const ConversationResponse = z.object({
  id: z.string(),
  accountId: z.string(),
  status: z.string().optional(),
  name: z.string().nullish(),
  configurationId: z.string().optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
});

const ListConversationsResponse = z.object({ conversations: z.array(ConversationResponse) });

const ConversationAddress = z.object({
  channel: ParticipantAddressType,
  address: z.string(),
  channelId: z.string().nullish(),
});

/** A participant: name is optional but not nullable. */
const ConversationParticipant = z.object({
  id: z.string(),
  conversationId: z.string(),
  accountId: z.string(),
  name: z.string().optional(),
  type: z.enum(['HUMAN_AGENT', 'CUSTOMER', 'AI_AGENT', 'AGENT', 'UNKNOWN']).optional(),
  profileId: z.string().nullable().optional(),
  addresses: z.array(ConversationAddress).default([]),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
});

const ListParticipantsResponse = z.object({ participants: z.array(ConversationParticipant) });

const StatusTimeouts = z.object({
  inactive: z.number().int().gte(1).nullable().optional(),
  closed: z.number().int().gte(1),
});

const CaptureRule = z.object({
  from: z.string(),
  to: z.string(),
  metadata: z.record(z.string()).nullable().optional(),
});

const ChannelSettings = z.object({
  statusTimeouts: StatusTimeouts.nullable().optional(),
  captureRules: z.array(CaptureRule).nullable().optional(),
});

const StatusCallback = z.object({
  url: z.string().url(),
  method: z.enum(['POST', 'GET', 'PUT', 'DELETE', 'PATCH']).optional().default('POST'),
});

const ConversationGroupingType = z.enum([
  'GROUP_BY_PROFILE',
  'GROUP_BY_PARTICIPANT_ADDRESSES',
  'GROUP_BY_PARTICIPANT_ADDRESSES_AND_CHANNEL_TYPE',
]);

const ConversationsV1Bridge = z.object({ serviceId: z.string() });

/** GET /v2/ControlPlane/Configurations/{id} as the tool reads it. */
const ConversationConfiguration = z.object({
  id: z.string(),
  displayName: z
    .string()
    .max(32)
    .regex(/^[a-zA-Z0-9-_ ]+$/)
    .nullable()
    .optional(),
  description: z.string(),
  conversationGroupingType: ConversationGroupingType,
  memoryStoreId: z.string().regex(/^mem_(store|service)_[0-7][0-9a-z]{25}$/),
  channelSettings: z.record(ChannelSettings).nullable().optional(),
  statusCallbacks: z.array(StatusCallback).max(20).nullable().optional(),
  intelligenceConfigurationIds: z.array(z.string()).max(5).nullable().optional(),
  conversationsV1Bridge: ConversationsV1Bridge.nullish(),
  createdAt: z.string().nullable().optional(),
  updatedAt: z.string().nullable().optional(),
  version: z.number().int().nullable().optional(),
});

/**
 * A conversation list page without the conversations configured inline. Those answer
 * `configurationId: null`, as contract §19 says, and ConversationResponse's
 * `configurationId: z.string().optional()` refuses null: the tooling cannot list an account that
 * holds one (twilio-node-6.3.test.js asserts exactly that). List checks run in one account beside
 * files that make inline conversations, so they hold the rest of the page to the schema.
 */
function withoutInlineConversations(page) {
  return { ...page, conversations: page.conversations.filter((c) => c.configurationId !== null) };
}

/** Fails the test with every zod issue (path and message) and the instance that was checked. */
function assertParses(schema, instance) {
  const result = schema.safeParse(instance);
  if (!result.success) {
    const issues = result.error.issues
      .map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('\n');
    assert.fail(`does not parse:\n${issues}\nin ${JSON.stringify(instance, null, 2)}`);
  }
  return result.data;
}

module.exports = {
  assertParses,
  withoutInlineConversations,
  ParticipantAddressType,
  CommunicationParticipant,
  TranscriptionWord,
  Transcription,
  CommunicationContent,
  Communication,
  ListCommunicationsResponse,
  ActionParticipantRef,
  ActionTextContent,
  ActionChannelSettings,
  SendMessageActionPayload,
  SendMessageActionRequest,
  ActionResponse,
  ConversationResponse,
  ListConversationsResponse,
  ConversationAddress,
  ConversationParticipant,
  ListParticipantsResponse,
  StatusTimeouts,
  CaptureRule,
  ChannelSettings,
  StatusCallback,
  ConversationGroupingType,
  ConversationsV1Bridge,
  ConversationConfiguration,
};
