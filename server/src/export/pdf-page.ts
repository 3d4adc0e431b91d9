/** The page of our PDFs: A4, its margins, fonts and colours. */

/** A4 in PDF points (1/72 inch). */
export const PAGE = { width: 595.28, height: 841.89 } as const
/** Page margins in points; the header sits in the top one, the page number in the bottom one. */
export const MARGIN = { top: 72, bottom: 64, left: 56, right: 56 } as const
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right
export const CONTENT_BOTTOM = PAGE.height - MARGIN.bottom

export const FONT = { regular: 'DejaVuSans', bold: 'DejaVuSans-Bold' } as const
export const COLOR = { ink: '#1f2933', muted: '#5b6777', rule: '#c3cad4', head: '#e7edf4', brand: '#234e7a' } as const
/** Space between the lines of a paragraph, in points. */
export const LINE_GAP = 1.2
