/**
 * The event types of the lexicon (`data/claim-events.json`) that the check needs to know: those
 * that happen once to their actor (a founding, a birth), so that two dates for one are a conflict
 * whatever else the sentences say.
 */
import events from './data/claim-events.json' with { type: 'json' };

/** Events that happen once to their actor: dated to the year as often as to the day. */
export const ONCE_EVENTS: ReadonlySet<string> = new Set(events.types.filter((t) => (t as { once?: boolean }).once).map((t) => t.type));
