/**
 * What client and server agree on besides the y-websocket protocol itself: where the sync lives, the name of
 * the shared text, and the close codes the server uses to say why it ended a connection.
 */

/** The websocket path prefix: a room is joined at `/sync/<room>`, as the stock y-websocket client builds it. */
export const SYNC_PATH = '/sync';

/** The Y.XmlFragment holding the agenda text (y-prosemirror's default name, so stock clients can join). */
export const TEXT_FRAGMENT = 'prosemirror';

/** y-websocket message types (y-protocols). */
export const MessageType = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;

/** Close codes in the private range 4000–4999, each with the sentence the client shows. */
export const CloseCode = {
  /** The message could not be decoded, or broke the protocol. */
  malformed: 4400,
  /** No token or a bad one (issue: people and roles). */
  unauthorized: 4401,
  /** A valid person without access to this room. */
  forbidden: 4403,
  /** No document with that id. */
  notFound: 4404,
  /** A message over the size limit. */
  tooLarge: 4413,
  /** Too many messages in too short a time. */
  tooManyRequests: 4429,
  /** The server shuts down or restarts. */
  goingAway: 1001,
} as const;

export type CloseCodeName = keyof typeof CloseCode;
