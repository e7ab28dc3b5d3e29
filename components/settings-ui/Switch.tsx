/** An on/off switch: a button with role="switch", named by its visible label. */
export function Switch(props: { id: string; label: string; checked: boolean; disabled?: boolean; describedBy?: string; onChange(on: boolean): void }) {
  const { id, label, checked, disabled, describedBy, onChange } = props;
  return (
    <div class="switch-row">
      <button
        type="button"
        role="switch"
        id={id}
        class="switch"
        aria-checked={checked ? 'true' : 'false'}
        aria-labelledby={`${id}-label`}
        aria-describedby={describedBy}
        disabled={disabled}
        onClick={() => onChange(!checked)}
      />
      <label id={`${id}-label`} for={id}>
        {label}
      </label>
    </div>
  );
}
