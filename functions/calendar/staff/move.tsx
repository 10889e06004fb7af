import { formatDateTime, t, type Lang, type Text } from '../../core/i18n.js';
import { isMove, parseTime, type CalendarEvent } from '../model/event.js';

const iso = (typed: string) => parseTime(typed)?.toISOString() ?? typed;
import type { TrainingFormError, TrainingFormValues } from './form.js';
import { localInput, trainingInput, valuesOf } from './form.js';
import { InputField, TRAININGS_PATH as PATH } from './parts.js';

/** The fields of the move form (each is `move-<name>` on the page). */
export const MOVE_FIELDS = ['start', 'end', 'registrationDeadline', 'reason'] as const;
/** What the move form was sent with. */
export type MoveValues = Readonly<Partial<Record<(typeof MOVE_FIELDS)[number], string>>>;

/** The move form's values for a stored training (its current times). */
export function moveValuesOf(event: CalendarEvent): MoveValues {
  return { start: localInput(event.start), end: localInput(event.end), registrationDeadline: localInput(event.registrationDeadline) };
}

/** Read the move form. */
export function readMoveForm(form: URLSearchParams): MoveValues {
  return Object.fromEntries(MOVE_FIELDS.map((name) => [name, form.get(name) ?? '']));
}

/**
 * The stored training with new times, through the API's input schema: the input to give
 * `updateEvent`, or errors named by the move form's fields. The same times again is an error: a
 * move needs a new time.
 */
export function movedInput(event: CalendarEvent, move: MoveValues) {
  const stored: TrainingFormValues = valuesOf(event);
  const values: TrainingFormValues = {
    ...stored,
    text: { ...stored.text, start: move.start, end: move.end, registrationDeadline: move.registrationDeadline },
  };
  const { input, errors } = trainingInput(values);
  const own = errors.map((e) => ({ ...e, field: MOVE_FIELDS.includes(e.field as 'start') ? `move-${e.field}` : 'form' }));
  if (input && !isMove(event, { start: iso(input.start), end: iso(input.end), registrationDeadline: '' }))
    own.push({
      field: 'move-start',
      sv: 'Ange en ny tid: start och slut är desamma som förut.',
      en: 'Give a new time: the start and end are the same as before.',
    });
  return { input: own.length ? undefined : input, errors: own };
}

function MoveField(props: {
  lang: Lang;
  name: (typeof MOVE_FIELDS)[number];
  label: Text;
  hint?: Text;
  values: MoveValues;
  errors: readonly TrainingFormError[];
}) {
  return <InputField {...props} id={`move-${props.name}`} value={props.values[props.name] ?? ''} />;
}

/** The "move the training" section of the edit page: a new time and a reason shown to participants. */
export function MoveSection(props: {
  lang: Lang;
  event: CalendarEvent;
  etag: string;
  values: MoveValues;
  errors: readonly TrainingFormError[];
}) {
  const { lang, event, errors, values } = props;
  const q = lang === 'en' ? '?lang=en' : '';
  const f = (name: (typeof MOVE_FIELDS)[number], label: Text, hint?: Text) => (
    <MoveField lang={lang} name={name} label={label} hint={hint} values={values} errors={errors} />
  );
  return (
    <section aria-labelledby="h-move">
      <h2 id="h-move">{t(lang, { sv: 'Flytta utbildningen', en: 'Move the training' })}</h2>
      <p>
        {t(lang, {
          sv: 'Utbildningen behåller sina anmälningar. I kalendern och flödena visas den som flyttad, med den tidigare tiden.',
          en: 'The training keeps its registrations. The calendar and the feeds show it as moved, with the earlier time.',
        })}
        {event.previousStart
          ? ` ${t(lang, { sv: `Tidigare start: ${formatDateTime(event.previousStart, lang)}.`, en: `Earlier start: ${formatDateTime(event.previousStart, lang)}.` })}`
          : ''}
      </p>
      <form method="post" action={`${PATH}/${event.id}/flytta${q}`} novalidate>
        <input type="hidden" name="etag" value={props.etag} />
        {f(
          'start',
          { sv: 'Ny start', en: 'New start' },
          { sv: 'Svensk tid, till exempel 2026-03-03 13:00.', en: 'Swedish time, e.g. 2026-03-03 13:00.' },
        )}
        {f('end', { sv: 'Nytt slut', en: 'New end' })}
        {f('registrationDeadline', { sv: 'Sista anmälningsdag', en: 'Registration deadline' })}
        {f('reason', { sv: 'Skäl (visas för deltagarna)', en: 'Reason (shown to participants)' })}
        <p>
          <button type="submit" class="secondary">
            {t(lang, { sv: 'Flytta', en: 'Move it' })}
          </button>
        </p>
      </form>
    </section>
  );
}
