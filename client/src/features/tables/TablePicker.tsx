import type { ThemeTable } from '@tischrunde/shared'

/** Big buttons, one per theme table. */
export function TablePicker({ tables, current, onPick }: { tables: ThemeTable[]; current: string | null; onPick: (id: string) => void }) {
  return (
    <ul className="table-picker">
      {tables.map((table) => (
        <li key={table.id}>
          <button type="button" className={table.id === current ? 'table-button table-button-current' : 'table-button'} aria-pressed={table.id === current} onClick={() => onPick(table.id)}>
            {table.name}
          </button>
        </li>
      ))}
    </ul>
  )
}
