import { useEffect, useState, type ReactNode } from 'react';
import { TextInput } from '../../../components/fields';

/** Moves keyboard focus to an element once it has been rendered (after an entry is added or removed). */
function useFocusAfterRender(): (id: string) => void {
  const [target, setTarget] = useState<string | null>(null);
  useEffect(() => {
    if (!target) return;
    document.getElementById(target)?.focus();
    setTarget(null);
  }, [target]);
  return setTarget;
}

function GroupError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {error}
    </p>
  );
}

/** The id of the n-th entry of a list field, e.g. `aliases-0`. */
export const entryId = (listId: string, index: number) => `${listId}-${index}`;
/** The id of a list field's add button: where problems with the list as a whole link to. */
export const addId = (listId: string) => `${listId}-add`;

interface ListProps {
  id: string;
  legend: string;
  hint?: ReactNode;
  /** What one entry is called, e.g. "alias or nickname": labels read "Alias or nickname 1". */
  noun: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  /** Errors by input id. */
  errors: Record<string, string>;
  widthClass?: string;
  max?: number;
}

const capital = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

/** A list of text entries with add and remove buttons (the "add another" pattern), in one fieldset. */
export function RepeatList({ id, legend, hint, noun, values, onChange, errors, widthClass, max = 20 }: ListProps) {
  const focus = useFocusAfterRender();
  const groupError = errors[addId(id)];

  function add() {
    onChange([...values, '']);
    focus(entryId(id, values.length));
  }

  function remove(index: number) {
    const next = values.filter((_, i) => i !== index);
    onChange(next);
    focus(next.length === 0 ? addId(id) : entryId(id, Math.min(index, next.length - 1)));
  }

  return (
    <div className={`govuk-form-group${groupError ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={[hint ? `${id}-hint` : null, groupError ? `${addId(id)}-error` : null].filter(Boolean).join(' ') || undefined}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint ? (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        ) : null}
        <GroupError id={addId(id)} error={groupError} />
        {values.map((value, i) => (
          <div className="app-repeat__item" key={i}>
            <TextInput
              id={entryId(id, i)}
              label={`${capital(noun)} ${i + 1}`}
              value={value}
              widthClass={widthClass}
              autoComplete="off"
              spellCheck={false}
              error={errors[entryId(id, i)]}
              onChange={(v) => onChange(values.map((x, j) => (j === i ? v : x)))}
            />
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => remove(i)}>
              Remove<span className="govuk-visually-hidden">{` ${noun} ${i + 1}`}</span>
            </button>
          </div>
        ))}
        {values.length < max ? (
          <button type="button" id={addId(id)} className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={add}>
            {values.length === 0 ? `Add ${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}` : `Add another ${noun}`}
          </button>
        ) : (
          <p className="govuk-body" id={addId(id)} tabIndex={-1}>
            You can add up to {max}.
          </p>
        )}
      </fieldset>
    </div>
  );
}

export interface VehicleDraft {
  registration: string;
  make: string;
  colour: string;
}

export const EMPTY_VEHICLE: VehicleDraft = { registration: '', make: '', colour: '' };

/** The id of one input of the n-th vehicle, e.g. `vehicles-0-registration`. */
export const vehicleId = (index: number, part: keyof VehicleDraft) => `vehicles-${index}-${part}`;

interface VehiclesProps {
  values: readonly VehicleDraft[];
  onChange: (values: VehicleDraft[]) => void;
  errors: Record<string, string>;
  max?: number;
}

/** Vehicles: registration (full or partial), make and colour, each removable. */
export function VehiclesField({ values, onChange, errors, max = 20 }: VehiclesProps) {
  const focus = useFocusAfterRender();
  const groupError = errors[addId('vehicles')];
  const set = (index: number, part: keyof VehicleDraft) => (v: string) => onChange(values.map((x, j) => (j === index ? { ...x, [part]: v } : x)));

  function add() {
    onChange([...values, EMPTY_VEHICLE]);
    focus(vehicleId(values.length, 'registration'));
  }

  function remove(index: number) {
    const next = values.filter((_, i) => i !== index);
    onChange(next);
    focus(next.length === 0 ? addId('vehicles') : vehicleId(Math.min(index, next.length - 1), 'registration'));
  }

  return (
    <div className={`govuk-form-group${groupError ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={groupError ? `vehicles-hint ${addId('vehicles')}-error` : 'vehicles-hint'}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Vehicles</legend>
        <div id="vehicles-hint" className="govuk-hint">
          Vehicles they use or have been seen in. A partial registration can be searched, for example AB12.
        </div>
        <GroupError id={addId('vehicles')} error={groupError} />
        {values.map((v, i) => (
          <fieldset className="govuk-fieldset app-repeat__group" key={i}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Vehicle {i + 1}</legend>
            <div className="app-repeat__item">
              <TextInput
                id={vehicleId(i, 'registration')}
                label="Registration"
                hint="Full or partial"
                value={v.registration}
                autoComplete="off"
                spellCheck={false}
                error={errors[vehicleId(i, 'registration')]}
                onChange={set(i, 'registration')}
              />
              <TextInput id={vehicleId(i, 'make')} label="Make and model (optional)" value={v.make} autoComplete="off" error={errors[vehicleId(i, 'make')]} onChange={set(i, 'make')} />
              <TextInput id={vehicleId(i, 'colour')} label="Colour (optional)" value={v.colour} autoComplete="off" error={errors[vehicleId(i, 'colour')]} onChange={set(i, 'colour')} />
            </div>
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => remove(i)}>
              Remove vehicle {i + 1}
            </button>
          </fieldset>
        ))}
        {values.length < max ? (
          <button type="button" id={addId('vehicles')} className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={add}>
            {values.length === 0 ? 'Add a vehicle' : 'Add another vehicle'}
          </button>
        ) : (
          <p className="govuk-body" id={addId('vehicles')} tabIndex={-1}>
            You can add up to {max}.
          </p>
        )}
      </fieldset>
    </div>
  );
}
