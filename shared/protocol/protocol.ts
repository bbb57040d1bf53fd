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

/**
 * Close codes in the private range 4000–4999, each with the sentence the client shows. The stock y-websocket
 * client (3.x) does not reconnect after a code in 4400–4499: those are final (a bad message, no access). The
 * codes after which reconnecting helps lie outside that range.
 */
export const CloseCode = {
  /** This connection's document state went out of step (it sent changes that depend on dropped ones): reconnect to resync. */
  resync: 4000,
  /** The message could not be decoded, or broke the protocol. */
  malformed: 4400,
  /** No token or a bad one (issue: people and roles). */
  unauthorized: 4401,
  /** A valid person without access to this room. */
  forbidden: 4403,
  /** No document with that id. */
  notFound: 4404,
  /** The document's agenda was replaced (an administrator): reload, the old text is gone. */
  replaced: 4410,
  /** A message over the size limit. */
  tooLarge: 4413,
  /** Too many messages in too short a time: reconnect after a pause. */
  tooManyRequests: 4290,
  /** More bytes written in a minute than a person may write in a room: reconnect after a pause. */
  writeQuota: 4291,
  /**
   * An update the text's schema or the writer's role does not allow (an unknown node, a node in the wrong
   * place, a changed or duplicate id, a structural change by a negotiator, a party-room field only the server
   * writes). Final: the client's document holds the refused change, so it starts again from a fresh copy.
   */
  refused: 4422,
  /** An update written with a Yjs client id that belongs to another person. Final, like `refused`. */
  clientIdTaken: 4409,
  /** The room is at its size limit: growth is refused. Final, like `refused`. */
  roomFull: 4414,
  /** The person already has as many open connections as allowed. */
  tooManyConnections: 4429,
  /** The server shuts down or restarts. */
  goingAway: 1001,
} as const;

export type CloseCodeName = keyof typeof CloseCode;
