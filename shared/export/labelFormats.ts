/**
 * Label sheets a club prints addresses on: the common A4 sheets of Avery Zweckform, their
 * labels' size and where the first one sits (the makers' specifications, in millimetres). A
 * partly used sheet starts at a later position.
 */
export interface LabelFormat {
  id: string;
  /** The maker's name of the sheet; size and layout are said beside it. */
  name: string;
  columns: number;
  rows: number;
  width: number;
  height: number;
  /** Sheet edge to the first label. */
  top: number;
  left: number;
  /** From one label's left (top) edge to the next one's. */
  pitchX: number;
  pitchY: number;
}

export const LABEL_FORMATS: readonly LabelFormat[] = [
  {
    id: 'L7160',
    name: 'Avery Zweckform L7160',
    columns: 3,
    rows: 7,
    width: 63.5,
    height: 38.1,
    top: 15.15,
    left: 7.25,
    pitchX: 66.04,
    pitchY: 38.1,
  },
  {
    id: 'L7161',
    name: 'Avery Zweckform L7161',
    columns: 3,
    rows: 6,
    width: 63.5,
    height: 46.6,
    top: 8.7,
    left: 7.25,
    pitchX: 66.04,
    pitchY: 46.6,
  },
  {
    id: 'L7162',
    name: 'Avery Zweckform L7162',
    columns: 2,
    rows: 8,
    width: 99.1,
    height: 33.9,
    top: 12.9,
    left: 4.65,
    pitchX: 101.6,
    pitchY: 33.9,
  },
  {
    id: 'L7163',
    name: 'Avery Zweckform L7163',
    columns: 2,
    rows: 7,
    width: 99.1,
    height: 38.1,
    top: 15.15,
    left: 4.65,
    pitchX: 101.6,
    pitchY: 38.1,
  },
  {
    id: '3475',
    name: 'Avery Zweckform 3475',
    columns: 3,
    rows: 8,
    width: 70,
    height: 36,
    top: 4.5,
    left: 0,
    pitchX: 70,
    pitchY: 36,
  },
];

export function labelFormat(id: string): LabelFormat | undefined {
  return LABEL_FORMATS.find((f) => f.id === id);
}

/** Where label `index` (0 = top left, row by row) lies on its sheet, in millimetres. */
export function labelPosition(
  format: LabelFormat,
  index: number,
): { sheet: number; x: number; y: number } {
  const perSheet = format.columns * format.rows;
  const onSheet = index % perSheet;
  return {
    sheet: Math.floor(index / perSheet),
    x: format.left + (onSheet % format.columns) * format.pitchX,
    y: format.top + Math.floor(onSheet / format.columns) * format.pitchY,
  };
}
