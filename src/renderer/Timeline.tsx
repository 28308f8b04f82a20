/** The request's history as recorded: every event, oldest first, with who did it and when. */
import type { RequestEvent } from '../shared/domain';
import { eventMoment, NOT_STATED } from '../shared/wording';
import { uaDateTime } from './format';
import { EVENT_LABEL, eventSummary } from './labels';

/** `request`: an imported request's events print only as much of their moment as its journal stated. */
function EventMoment({ e, known }: { e: RequestEvent; known: 'full' | 'date' | 'none' }) {
  if (known === 'none') return <span className="muted">дата {NOT_STATED}</span>;
  return <time dateTime={e.at}>{known === 'date' ? uaDateTime(e.at).slice(0, 10) : uaDateTime(e.at)}</time>;
}

export function Timeline({ events, request }: { events: RequestEvent[]; request?: { receivedAt: string; receivedTimeKnown?: boolean } }) {
  return (
    <ol className="timeline">
      {events.map((e) => {
        const known = request ? eventMoment(request, e) : 'full';
        const text = eventSummary(e, { dateShown: known === 'none' });
        return (
          <li key={e.id} className={`ev ev-${e.type}`}>
            <div className="ev-head">
              <strong>{EVENT_LABEL[e.type] ?? e.type}</strong>
              <EventMoment e={e} known={known} />
              <span className="muted">{e.user}</span>
            </div>
            {text && <p className="ev-text">{text}</p>}
          </li>
        );
      })}
    </ol>
  );
}
