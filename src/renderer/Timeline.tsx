/** The request's history as recorded: every event, oldest first, with who did it and when. */
import type { RequestEvent } from '../shared/domain';
import { eventTimeUnknown } from '../shared/wording';
import { uaDateTime } from './format';
import { EVENT_LABEL, eventSummary } from './labels';

/** `request`: for an imported request without a time of receipt, its events print the date only. */
export function Timeline({ events, request }: { events: RequestEvent[]; request?: { receivedAt: string; receivedTimeKnown?: boolean } }) {
  return (
    <ol className="timeline">
      {events.map((e) => (
        <li key={e.id} className={`ev ev-${e.type}`}>
          <div className="ev-head">
            <strong>{EVENT_LABEL[e.type] ?? e.type}</strong>
            <time dateTime={e.at}>{request && eventTimeUnknown(request, e) ? uaDateTime(e.at).slice(0, 10) : uaDateTime(e.at)}</time>
            <span className="muted">{e.user}</span>
          </div>
          <p className="ev-text">{eventSummary(e)}</p>
        </li>
      ))}
    </ol>
  );
}
