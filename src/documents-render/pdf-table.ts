// A ruled table for pdfkit, which has none of its own: columns sized to their content within the
// text width, rows as tall as their longest cell, the header repeated on each new page.

type Pdf = PDFKit.PDFDocument;
type Write = (text: string, options: PDFKit.Mixins.TextOptions) => void;
export type TableSpec = { columns: string[]; rows: string[][]; fontSize: number; write: Write };

const PADDING = 3;

function columnWidths(doc: Pdf, spec: TableSpec, available: number): number[] {
  const minimum = spec.fontSize * 2.5;
  const natural = spec.columns.map((column, index) => {
    const widest = Math.max(doc.widthOfString(column), ...spec.rows.map((row) => doc.widthOfString(row[index] ?? '')));
    return Math.min(Math.max(widest + PADDING * 2, minimum), available * 0.5);
  });
  const total = natural.reduce((sum, width) => sum + width, 0);
  if (total <= available) return natural.map((width) => (width * available) / total);
  // Too wide: every column keeps its minimum and shares the rest in proportion to its content.
  const spare = available - minimum * natural.length;
  const extra = natural.map((width) => width - minimum);
  const extraTotal = extra.reduce((sum, width) => sum + width, 0);
  return extra.map((width) => minimum + (extraTotal > 0 ? (width * spare) / extraTotal : spare / natural.length));
}

export function drawTable(doc: Pdf, spec: TableSpec): void {
  const left = doc.page.margins.left;
  const available = doc.page.width - left - doc.page.margins.right;
  doc.font('cjk').fontSize(spec.fontSize);
  const widths = columnWidths(doc, spec, available);
  const rowHeight = (cells: string[]) =>
    Math.max(...cells.map((cell, index) => doc.font('cjk').fontSize(spec.fontSize).heightOfString(cell || ' ', { width: widths[index]! - PADDING * 2 }))) + PADDING * 2;

  const drawRow = (cells: string[], top: number, height: number) => {
    let x = left;
    cells.forEach((cell, index) => {
      const width = widths[index]!;
      doc.lineWidth(0.5).rect(x, top, width, height).stroke();
      doc.x = x + PADDING;
      doc.y = top + PADDING;
      if (cell) spec.write(cell, { width: width - PADDING * 2 });
      x += width;
    });
  };

  const headerHeight = rowHeight(spec.columns);
  let y = doc.y;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  if (y + headerHeight * 2 > bottom()) {
    doc.addPage();
    y = doc.page.margins.top;
  }
  drawRow(spec.columns, y, headerHeight);
  y += headerHeight;
  for (const row of spec.rows) {
    const height = rowHeight(row);
    if (y + height > bottom()) {
      doc.addPage();
      y = doc.page.margins.top;
      drawRow(spec.columns, y, headerHeight);
      y += headerHeight;
    }
    drawRow(row, y, height);
    y += height;
  }
  doc.x = left;
  doc.y = y + PADDING * 2;
}
