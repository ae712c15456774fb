// The survey definition the answering page serves (of the editions under data/, the one with the
// greatest fiscal year, as build.rs chooses), read by the tests so that they check the page
// against the data rather than against a second copy of the wording.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './browser.mjs';

export const editions = readdirSync(join(projectRoot, 'data'))
  .map((folder) => join(projectRoot, 'data', folder, 'survey.json'))
  .filter((path) => existsSync(path))
  .map((path) => JSON.parse(readFileSync(path, 'utf8')))
  .sort((a, b) => b.fiscal_year - a.fiscal_year);
export const survey = editions[0];
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
