/** The request's history as recorded: every event, oldest first, with who did it and when. */
import type { RequestEvent } from '../shared/domain';
import { eventMoment, NOT_STATED } from '../shared/wording';
import { uaDateTime } from './format';
import { EVENT_LABEL, eventSummary } from './labels';

/** `request`: an imported request's events print only as much of their moment as its journal stated. */
function EventMoment({ e, request }: { e: RequestEvent; request?: { receivedAt: string; receivedTimeKnown?: boolean } }) {
  const known = request ? eventMoment(request, e) : 'full';
  if (known === 'none') return <span className="muted">дата {NOT_STATED}</span>;
  return <time dateTime={e.at}>{known === 'date' ? uaDateTime(e.at).slice(0, 10) : uaDateTime(e.at)}</time>;
}

export function Timeline({ events, request }: { events: RequestEvent[]; request?: { receivedAt: string; receivedTimeKnown?: boolean } }) {
  return (
    <ol className="timeline">
      {events.map((e) => (
        <li key={e.id} className={`ev ev-${e.type}`}>
          <div className="ev-head">
            <strong>{EVENT_LABEL[e.type] ?? e.type}</strong>
            <EventMoment e={e} request={request} />
            <span className="muted">{e.user}</span>
          </div>
          <p className="ev-text">{eventSummary(e)}</p>
        </li>
      ))}
    </ol>
  );
}
