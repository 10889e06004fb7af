export { BOM, DIALECT, formatNumber, parseNumber, type CsvLocale } from './dialect.js';
export { needsApostrophe, protect, restore } from './text-cell.js';
export { toCsv, type CsvCell } from './write.js';
export { columnLetter, CsvError, parseCsv, type CsvRow, type CsvTable } from './parse.js';
