import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { IntelChronologyEntry } from './intelligence.inputs.js';
import type { NodeKind } from './link.entity.js';

/** "SUSPECTED_OF_EXPLOITING" → "Suspected of exploiting", in SQL. */
const words = (col: string) => `(upper(left(${col}, 1)) || lower(replace(substr(${col}, 2), '_', ' ')))`;

/**
 * The links of one node ($1 its id, $2 its kind) as chronology rows: first seen, and last seen when
 * later, naming the other end (young people by pseudonym only) and a handling code C.
 */
const LINK_ROWS = `
  links AS (
    SELECT l.id, l.type, l.first_seen, l.last_seen, l.handling,
      CASE WHEN l.a_kind = $2 AND l.a_id = $1 THEN l.b_kind ELSE l.a_kind END AS o_kind,
      CASE WHEN l.a_kind = $2 AND l.a_id = $1 THEN l.b_id ELSE l.a_id END AS o_id
    FROM link l
    WHERE (l.a_kind = $2 AND l.a_id = $1) OR (l.b_kind = $2 AND l.b_id = $1)
  ),
  named AS (
    SELECT links.*, ${words('links.type')} AS type_words,
      coalesce(CASE links.o_kind
        WHEN 'YOUNG_PERSON' THEN yp.pseudonym
        WHEN 'PERSON_OF_CONCERN' THEN coalesce(nullif(concat_ws(' ', p.first_name, p.last_name), ''), p.aliases[1], 'Unnamed')
        ELSE loc.name END, 'a deleted record') AS other,
      CASE WHEN links.handling = 'C' THEN ' (handling code C: conditions apply)' ELSE '' END AS condition
    FROM links
    LEFT JOIN young_person yp ON links.o_kind = 'YOUNG_PERSON' AND yp.id = links.o_id
    LEFT JOIN person_of_concern p ON links.o_kind = 'PERSON_OF_CONCERN' AND p.id = links.o_id
    LEFT JOIN location loc ON links.o_kind = 'LOCATION' AND loc.id = links.o_id
  )`;

const LINK_SELECTS = `
  SELECT first_seen AS "on", 'LINK_FIRST_SEEN' AS kind, type_words || ': ' || other || ', first seen' || condition AS summary, id AS "refId" FROM named
  UNION ALL
  SELECT last_seen, 'LINK_LAST_SEEN', type_words || ': ' || other || ', last seen' || condition, id FROM named WHERE last_seen > first_seen`;

const STATUS_WORDS = (col: string) => `CASE ${col} WHEN 'NFA' THEN 'no further action' ELSE lower(replace(${col}, '_', ' ')) END`;

/**
 * One dated timeline of a person of concern or a place, newest first, each in one SQL statement:
 * links first and last seen, and for a person of concern their disruptions and status (from the audit
 * log of their record; when it was recorded without one, as the record was created), for a place
 * its hot-spot reports.
 */
@Injectable()
export class IntelChronologyService {
  constructor(private readonly dataSource: DataSource) {}

  private run(sql: string, id: string, kind: NodeKind): Promise<IntelChronologyEntry[]> {
    return this.dataSource.query(
      `SELECT to_char(c."on", 'YYYY-MM-DD') AS "on", c.kind, c.summary, c."refId" FROM (${sql}) c ORDER BY c."on" DESC, c.kind, c.summary`,
      [id, kind],
    );
  }

  personOfConcern(id: string): Promise<IntelChronologyEntry[]> {
    return this.run(
      `WITH ${LINK_ROWS}
       ${LINK_SELECTS}
       UNION ALL
       SELECT d.date, 'DISRUPTION',
         CASE d.type WHEN 'CAWN' THEN 'Child abduction warning notice' WHEN 'OTHER' THEN 'Other disruption' ELSE ${words('d.type')} END || coalesce(': ' || d.notes, ''), d.id FROM disruption_action d WHERE d.person_of_concern_id = $1
       UNION ALL
       SELECT (e.occurred_at AT TIME ZONE 'Europe/London')::date, 'STATUS',
         CASE e.action WHEN 'person_of_concern.created' THEN 'Recorded: ' ELSE 'Status changed to ' END || ${STATUS_WORDS(`(e.details->>'status')`)}, NULL
       FROM audit_event e
       WHERE e.entity_type = 'person_of_concern' AND e.entity_id = $1::text
         AND e.action IN ('person_of_concern.created', 'person_of_concern.updated') AND e.details ? 'status'
       UNION ALL
       SELECT (p.created_at AT TIME ZONE 'Europe/London')::date, 'STATUS', 'Recorded: ' || ${STATUS_WORDS('p.status')}, NULL
       FROM person_of_concern p
       WHERE p.id = $1 AND NOT EXISTS (
         SELECT 1 FROM audit_event e WHERE e.entity_type = 'person_of_concern' AND e.entity_id = $1::text AND e.action = 'person_of_concern.created' AND e.details ? 'status')`,
      id,
      'PERSON_OF_CONCERN',
    );
  }

  location(id: string): Promise<IntelChronologyEntry[]> {
    return this.run(
      `WITH ${LINK_ROWS}
       ${LINK_SELECTS}
       UNION ALL
       SELECT r.month, 'HOT_SPOT_REPORT',
         to_char(r.month, 'FMMonth YYYY') || ': ' || r.incidents || CASE r.incidents WHEN 1 THEN ' incident, ' ELSE ' incidents, ' END
           || r.sightings || CASE r.sightings WHEN 1 THEN ' sighting' ELSE ' sightings' END || ', ' || lower(r.risk_level) || ' risk' || coalesce(': ' || r.notes, ''),
         r.id
       FROM hot_spot_report r WHERE r.location_id = $1`,
      id,
      'LOCATION',
    );
  }
}
