/** The request's history as recorded: every event, oldest first, with who did it and when. */
import type { RequestEvent } from '../shared/domain';
import { uaDateTime } from './format';
import { EVENT_LABEL, eventSummary } from './labels';

export function Timeline({ events }: { events: RequestEvent[] }) {
  return (
    <ol className="timeline">
      {events.map((e) => (
        <li key={e.id} className={`ev ev-${e.type}`}>
          <div className="ev-head">
            <strong>{EVENT_LABEL[e.type] ?? e.type}</strong>
            <time dateTime={e.at}>{uaDateTime(e.at)}</time>
            <span className="muted">{e.user}</span>
          </div>
          <p className="ev-text">{eventSummary(e)}</p>
        </li>
      ))}
    </ol>
  );
}
