// The survey definition the app is built from, read by the tests so that they check the page
// against the data rather than against a second copy of the wording.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './browser.mjs';

export const survey = JSON.parse(readFileSync(join(projectRoot, 'data/r6/survey.json'), 'utf8'));
export const items = survey.sections.flatMap((section) => section.items);

export function item(id) {
  const found = items.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

/** The accessible name every item's control must have: 項番, a space, the seed's wording. */
export function accessibleName(definition) {
  return `${definition.number} ${definition.text}`;
}

export function kindOf(definition) {
  return typeof definition.answer === 'string' ? definition.answer : Object.keys(definition.answer)[0];
}

export function choicesOf(definition) {
  const kind = kindOf(definition);
  if (kind === 'yes_no') return ['はい', 'いいえ'];
  if (kind === 'single' || kind === 'multiple') return definition.answer[kind].choices;
  return [];
}
