export { bilingualIssue, multiLine, normaliseText, singleLine, textProblem } from './text.js';
