// Generated answer files for the overview's tests and benchmark: valid files that follow the
// survey's branching (answers only for asked items), duplicates of the same hospital under spelling
// variants, and bad files of every kind the page must list. Deterministic for a given seed, and it
// returns what the page should count, tallied here independently of the app's own code.
import { survey, items, kindOf, choicesOf } from './survey-definition.mjs';

/** A small deterministic generator (mulberry32), so a failing run can be repeated exactly. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function isAsked(definition, answers) {
  const when = definition.when;
  if (!when) return true;
  const parent = items.find((candidate) => candidate.id === when.item);
  if (!isAsked(parent, answers)) return false;
  const answer = answers[when.item];
  if (when.equals !== undefined) return answer === when.equals;
  return Array.isArray(answer) && answer.includes(when.includes);
}

function answersFor(rng, hospital, respondent) {
  const answers = {};
  for (const definition of items) {
    if (!isAsked(definition, answers)) continue;
    if (definition.id === survey.hospital_item) {
      answers[definition.id] = hospital;
      continue;
    }
    if (definition.id === survey.respondent_item) {
      answers[definition.id] = respondent;
      continue;
    }
    // About one answer in ten is left blank, as in a draft saved half way.
    if (rng() < 0.1) continue;
    const kind = kindOf(definition);
    const choices = choicesOf(definition);
    if (kind === 'yes_no' || kind === 'single') {
      answers[definition.id] = choices[Math.floor(rng() * choices.length)];
    } else if (kind === 'multiple') {
      const ticked = choices.filter(() => rng() < 0.4);
      answers[definition.id] = ticked.length ? ticked : [choices[0]];
    } else if (kind === 'integer') {
      const { min, max } = definition.answer.integer;
      answers[definition.id] = min + Math.floor(rng() * Math.min(max - min + 1, 20));
    } else {
      answers[definition.id] = `記入例${Math.floor(rng() * 100)}`;
    }
  }
  return answers;
}

export function answerFileText(answers, exportedAt) {
  return JSON.stringify(
    {
      format: 'cyber-survey-answers',
      format_version: 1,
      survey: survey.id,
      survey_title: survey.title,
      app_version: '0.1.0',
      exported_at: exportedAt,
      hospital: answers[survey.hospital_item] ?? '',
      respondent: answers[survey.respondent_item] ?? '',
      complete: false,
      answers,
    },
    null,
    2,
  );
}

function exportedAt(day, minute) {
  const date = new Date(Date.UTC(2025, 1, 1 + (day % 28), 0, minute % 60));
  return date.toISOString();
}

/** The bad files the page must list, each with the reason's opening words. */
export function badFiles() {
  const encoder = new TextEncoder();
  const files = [
    { name: 'メモ.json', buffer: encoder.encode('これはJSONではありません'), reason: 'JSON' },
    { name: '空.json', buffer: new Uint8Array(0), reason: '空' },
    { name: '他の調査.json', buffer: encoder.encode(JSON.stringify({ format: 'cyber-survey-answers', format_version: 1, survey: 'R5', answers: { 'Q2-1': 'はい' } })), reason: '調査' },
    { name: '新しい版.json', buffer: encoder.encode(JSON.stringify({ format: 'cyber-survey-answers', format_version: 99, survey: survey.id, answers: {} })), reason: '新しい' },
    { name: '別の形式.json', buffer: encoder.encode('{"hello": "world"}'), reason: '' },
    // 「病院」 in Shift_JIS: not UTF-8.
    { name: 'shift_jis.json', buffer: new Uint8Array([0x95, 0x61, 0x89, 0x40]), reason: 'UTF-8' },
    { name: '大きすぎる.json', buffer: new Uint8Array(1024 * 1024 + 1).fill(0x20), reason: '大きすぎ' },
  ];
  return files.map((file) => ({ ...file, mimeType: 'application/json', buffer: Buffer.from(file.buffer) }));
}

/**
 * `count` hospitals' files, plus `duplicates` extra files of hospitals already in the set (half
 * older than the original, half newer, under a spelling variant of the name), in a shuffled order.
 * Returns the files and the counts the page should show for the kept (newest) files.
 */
export function generateAnswerFiles(count, { seed = 7, duplicates = 0 } = {}) {
  const rng = random(seed);
  const encoder = new TextEncoder();
  const kept = new Map();
  const files = [];
  for (let i = 0; i < count; i += 1) {
    const hospital = `テスト病院${i + 1}`;
    const answers = answersFor(rng, hospital, `回答者${i + 1}`);
    const at = exportedAt(i, i);
    files.push({ name: `hospital-${String(i + 1).padStart(5, '0')}.json`, text: answerFileText(answers, at) });
    kept.set(i, answers);
  }
  const keptAt = new Map();
  for (let d = 0; d < duplicates; d += 1) {
    const i = Math.floor(rng() * count);
    // Full-width digits and a space: the same hospital to anyone reading the name.
    const variant = `テスト 病院${String(i + 1).replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))}`;
    const answers = answersFor(rng, variant, `回答者${i + 1}`);
    // Every time distinct, so which file is newest never depends on the order of arrival.
    const newer = d % 2 === 0;
    const at = newer ? Date.UTC(2025, 2, 10, 0, d) : Date.UTC(2025, 0, 1, 0, d);
    files.push({ name: `duplicate-${String(d + 1).padStart(4, '0')}.json`, text: answerFileText(answers, new Date(at).toISOString()) });
    if (newer && at > (keptAt.get(i) ?? 0)) {
      kept.set(i, answers);
      keptAt.set(i, at);
    }
  }
  const dropped = duplicates;
  // Shuffle deterministically, so duplicates arrive both before and after their originals.
  for (let i = files.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rng() * (i + 1));
    [files[i], files[j]] = [files[j], files[i]];
  }
  const tally = {};
  for (const answers of kept.values()) {
    for (const [id, value] of Object.entries(answers)) {
      tally[id] ??= {};
      for (const choice of Array.isArray(value) ? value : [value]) {
        tally[id][choice] = (tally[id][choice] ?? 0) + 1;
      }
    }
  }
  return {
    files: files.map((file) => ({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(encoder.encode(file.text)) })),
    hospitals: kept.size,
    dropped,
    tally,
  };
}
