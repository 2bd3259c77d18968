import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useEffect, useRef } from 'react';
import { useFormLayer } from './layer-context';

/**
 * The form's submit and Cancel. Cancel (or Escape) with unsaved changes turns them into "Discard your changes?" —
 * Discard / Keep editing — in place, so the choice sits where the user was looking.
 */
export function FormButtons({
  label,
  compact,
  appearance = 'primary',
  cancelLabel = 'Cancel',
}: {
  label: string;
  compact?: boolean;
  /** `danger` for a destructive write (a delete confirm). */
  appearance?: 'primary' | 'danger';
  /** What Cancel says (a delete confirm's "Keep it"). */
  cancelLabel?: string;
}) {
  const { form, idPrefix } = useFormLayer();
  const spacing = compact ? 'compact' : undefined;
  const { discard, submitting } = form;
  const keepRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    if (discard.confirming) keepRef.current?.focus();
    else if (asked.current) cancelRef.current?.focus();
    asked.current = discard.confirming;
  }, [discard.confirming]);

  if (discard.confirming) {
    return (
      <div
        role="group"
        aria-labelledby={`${idPrefix}-discard-question`}
        data-testid="discard-confirm"
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          alignItems: 'center',
          gap: token('space.100'),
          padding: token('space.100'),
          borderRadius: token('radius.small', '3px'),
          backgroundColor: token('color.background.warning'),
        }}
      >
        <span id={`${idPrefix}-discard-question`} style={{ font: token('font.body'), color: token('color.text.warning') }}>
          Discard your changes?
        </span>
        <Button appearance="warning" spacing={spacing} onClick={discard.confirm}>
          Discard
        </Button>
        <Button ref={keepRef} appearance="subtle" spacing={spacing} onClick={discard.keepEditing}>
          Keep editing
        </Button>
      </div>
    );
  }
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.100') }}>
      <Button type="submit" appearance={appearance} spacing={spacing} isLoading={submitting}>
        {label}
      </Button>
      <Button ref={cancelRef} appearance="subtle" spacing={spacing} onClick={discard.request} isDisabled={submitting}>
        {cancelLabel}
      </Button>
    </div>
  );
}
