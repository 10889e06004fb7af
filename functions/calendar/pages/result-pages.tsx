import type { CountyConfig } from '../../core/config/schema.js';
import { t, type Lang } from '../../core/i18n.js';
import { Layout } from '../../core/page/layout.js';
import type { CalendarEvent } from '../model/event.js';
import { whenLabel } from './labels.js';

interface Base {
  readonly config: CountyConfig;
  readonly lang: Lang;
  readonly nonce?: string;
  readonly event: CalendarEvent;
}

/** The answer to a registration: confirmed, or the waiting-list position; with the private cancel link. */
export function ConfirmationPage(props: Base & { status: 'confirmed' | 'waitlisted'; position: number; cancelUrl: string }) {
  const { lang, event } = props;
  const title =
    props.status === 'confirmed'
      ? t(lang, { sv: 'Du är anmäld', en: 'You are registered' })
      : t(lang, { sv: `Du står på väntelistan, plats ${props.position}`, en: `You are on the waiting list, position ${props.position}` });
  return (
    <Layout config={props.config} lang={lang} title={title} path={`/utbildningar/${event.id}`} current="calendar" nonce={props.nonce}>
      <h1>{title}</h1>
      <p class="lead">
        {event.title}, {whenLabel(event, lang)}
      </p>
      <p>
        {props.status === 'confirmed'
          ? t(lang, { sv: 'Din plats är bekräftad.', en: 'Your seat is confirmed.' })
          : t(lang, {
              sv: 'Du får platsen automatiskt om någon före dig avbokar. Arrangören hör av sig.',
              en: 'You get the seat automatically if someone ahead of you cancels. The organiser will be in touch.',
            })}
      </p>
      <h2>{t(lang, { sv: 'Spara din avbokningslänk', en: 'Keep your cancel link' })}</h2>
      <p>
        {t(lang, {
          sv: 'Länken är personlig. Spara den (till exempel som bokmärke) om du behöver avboka:',
          en: 'The link is personal. Keep it (for example as a bookmark) in case you need to cancel:',
        })}
      </p>
      <p>
        <a href={props.cancelUrl}>{props.cancelUrl}</a>
      </p>
      <p>
        <a href={`/utbildningar/${event.id}.ics`}>{t(lang, { sv: 'Lägg till i min kalender (.ics)', en: 'Add to my calendar (.ics)' })}</a>
      </p>
    </Layout>
  );
}

/** The cancel page: a confirm button (GET never cancels), then the outcome. */
export function CancelPage(props: Base & { action: string; done?: boolean }) {
  const { lang, event } = props;
  const title = props.done
    ? t(lang, { sv: 'Din anmälan är avbokad', en: 'Your registration is cancelled' })
    : t(lang, { sv: 'Avboka din plats', en: 'Cancel your seat' });
  return (
    <Layout config={props.config} lang={lang} title={title} path="/utbildningar/avboka" current="calendar" nonce={props.nonce}>
      <h1>{title}</h1>
      <p class="lead">
        {event.title}, {whenLabel(event, lang)}
      </p>
      {props.done ? (
        <p>
          {t(lang, {
            sv: 'Tack för att du avbokade. Platsen går till den som står först på väntelistan.',
            en: 'Thank you for cancelling. The seat goes to the first person on the waiting list.',
          })}
        </p>
      ) : (
        <form method="post" action={props.action}>
          <button type="submit" class="button">
            {t(lang, { sv: 'Ja, avboka min plats', en: 'Yes, cancel my seat' })}
          </button>
        </form>
      )}
      <p>
        <a href="/utbildningar">{t(lang, { sv: 'Alla utbildningar', en: 'All trainings' })}</a>
      </p>
    </Layout>
  );
}
