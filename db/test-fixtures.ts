/** Test and generator fixtures; they live in analysis/entry/fixtures.ts so pure tests can use them too. */
export { question, smallQuestionnaire } from '../analysis/entry/fixtures';
