/**
 * An application as wazo-confd shows it (`/applications`): a Stasis application calls enter,
 * optionally sent to a destination node (a holding bridge, answered or not, with its music on
 * hold), and the lines that ring it instead of their context.
 */
import { linked, nullable, type Static, stringEnum, Type } from '../schema.js';

/** The node of `destination: node`, as stored. */
export interface ApplicationNode {
  type: string;
  music_on_hold: string | null;
  answer: boolean;
}

/** A line in an application's `lines`. */
export const applicationLineSchema = linked('lines', { id: Type.Integer(), name: nullable(Type.String()) });
export type ApplicationLine = Static<typeof applicationLineSchema>;

/** `GET /applications/{uuid}`: `destination_options` is `{}` without destination. */
export const applicationSchema = linked(
  'applications',
  {
    uuid: Type.String(),
    tenant_uuid: Type.String(),
    name: nullable(Type.String()),
    destination: nullable(stringEnum(['node'])),
    destination_options: Type.Object({
      type: Type.Optional(Type.String()),
      music_on_hold: Type.Optional(nullable(Type.String())),
      answer: Type.Optional(Type.Boolean()),
    }),
    lines: Type.Array(applicationLineSchema),
  },
  'uuid',
);
export type Application = Static<typeof applicationSchema>;

/**
 * `POST` and `PUT`. `destination_options` is read only with `destination: node` (checked by the
 * validator, as Wazo's field picks its schema from the destination) and ignored otherwise.
 */
export const applicationBodySchema = Type.Object({
  name: Type.Optional(nullable(Type.String({ maxLength: 128 }))),
  destination: Type.Optional(nullable(stringEnum(['node']))),
  destination_options: Type.Optional(Type.Unknown()),
});
export type ApplicationBody = Static<typeof applicationBodySchema>;

/** An application in a line's `application`. */
export const lineApplicationSchema = linked(
  'applications',
  { uuid: Type.String(), name: nullable(Type.String()) },
  'uuid',
);
export type LineApplication = Static<typeof lineApplicationSchema>;

/** What the dao writes. */
export interface ApplicationRecord {
  name: string | null;
  node: ApplicationNode | null;
}
