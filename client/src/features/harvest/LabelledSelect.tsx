/** One labelled choice of the harvest screens (a table, a column): a select with its options. */
export function LabelledSelect(props: { label: string; value: string; onChange: (value: string) => void; options: readonly { value: string; label: string }[] }) {
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  )
}

/** The event's tables as options of a LabelledSelect. */
export const tableOptions = (tables: readonly { id: string; name: string }[]) => tables.map((x) => ({ value: x.id, label: x.name }))
