export { multiLine, normaliseText, singleLine, textProblem } from './text.js';
