import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ArtefactKind, Evidence, ModelCard } from '../../src/artefacts/evidence.js';
import { readArtefact } from '../../src/artefacts/read.js';
import { ModelgateError } from '../../src/errors.js';

/**
 * Walks the shared corpus of real artefacts: every file outside `malformed/` must be read
 * into the kind its folder names, every file in `malformed/` must be refused with an
 * artefact error naming the file. Files added later are tested without code changes.
 */
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CORPUS = path.resolve(REPO_ROOT, '../shared/corpus');

/** The kind and format each corpus folder holds. */
const FOLDERS: Record<string, { kind: ArtefactKind; format: string }> = {
  'hf-model-card': { kind: 'model_card', format: 'huggingface-model-card' },
  'cyclonedx-mlbom': { kind: 'model_card', format: 'cyclonedx-mlbom' },
};
const MALFORMED = 'malformed';

/** The kind a folder's name speaks of (e.g. `openlineage` → lineage); undefined lets detection decide. */
function kindNamedBy(folder: string): ArtefactKind | undefined {
  const name = folder.toLowerCase();
  if (/card|bom|spdx/.test(name)) return 'model_card';
  if (/lineage/.test(name)) return 'lineage';
  if (/bias|clarify|fairlearn|fairness/.test(name)) return 'bias';
  if (/drift|evidently|monitor/.test(name)) return 'drift';
  return undefined;
}
/** Documentation at the corpus root, not artefacts. */
const ROOT_DOCS = new Set(['PROVENANCE.md', 'README.md']);

/** Concrete values for the files known today; other files get the generic checks only. */
const EXPECTED: Record<string, (evidence: Evidence) => void> = {
  'hf-model-card/sample_simple.md': (evidence) => {
    const card = evidence.data as ModelCard;
    expect(card).toMatchObject({ license: 'mit', training_data: ['beans'], evaluation: [], sections: [] });
    expect(evidence.fieldLocations.license?.line).toBe(4);
    expect(evidence.fieldLocations.training_data?.line).toBe(9);
  },
  'hf-model-card/sample_simple_model_index.md': (evidence) => {
    const card = evidence.data as ModelCard;
    expect(card).toMatchObject({ name: 'my-cool-model', license: 'mit', training_data: ['beans'] });
    expect(card.evaluation).toHaveLength(2);
    expect(card.evaluation).toMatchObject([
      { metric: 'accuracy', value: 0.9, dataset: 'Beans', location: { line: 21 } },
      { metric: 'f1', value: 0.66, dataset: 'Beans', split: 'test', location: { line: 34 } },
    ]);
    expect(card.evaluation[0]?.split).toBeUndefined();
  },
  'hf-model-card/sample_windows_line_breaks.md': (evidence) => {
    const card = evidence.data as ModelCard;
    expect(card).toMatchObject({ license: 'mit', training_data: [], evaluation: [], sections: [] });
    expect(evidence.fieldLocations.license?.line).toBe(2);
    expect(JSON.stringify(card)).not.toContain('\\r');
  },
  'hf-model-card/sample_no_metadata.md': (evidence) => {
    const card = evidence.data as ModelCard;
    expect(card).toEqual({ owners: [], training_data: [], evaluation: [], sections: [] });
    expect(evidence.fieldLocations).toEqual({});
  },
  'hf-model-card/sample_invalid_model_index.md': (evidence) => {
    const card = evidence.data as ModelCard;
    // The only result names no dataset: the Hub drops it, and so does modelgate.
    expect(card).toMatchObject({ name: 'my-cool-model', license: 'mit', training_data: ['beans'], evaluation: [] });
  },
  'cyclonedx-mlbom/model-card-with-dataset.bom.json': (evidence) => {
    const card = evidence.data as ModelCard;
    expect(card).toMatchObject({
      name: 'support-ticket-classifier',
      version: '1.0.0',
      training_data: ['support-ticket-training-data', 'support-ticket-evaluation-data'],
      evaluation: [{ metric: 'macro-f1', value: 0.91, split: 'held-out-evaluation', location: { line: 55 } }],
      intended_use: 'Suggest an initial support queue for a newly received support ticket.',
      limitations: 'The example model is illustrative and should not be used to infer production readiness.',
    });
    expect(card.ethical_considerations).toMatch(/^automation bias \(mitigation: Human review/);
    expect(card.sections).toContain('fairness_assessments');
    expect(card.license).toBeUndefined();
    expect(evidence.fieldLocations.name?.line).toBe(22);
  },
  'cyclonedx-mlbom/model-foundationmodels.bom.json': (evidence) => {
    const card = evidence.data as ModelCard;
    expect(card).toEqual({ name: 'gpt-4o', owners: [], training_data: [], evaluation: [], sections: [] });
    expect(evidence.fieldLocations.name?.line).toBe(23);
  },
};

/** The line each known malformed file must be refused at. */
const MALFORMED_LINES: Record<string, number> = {
  'cyclonedx-dataset-trailing-comma.bom.json': 9,
  'cyclonedx-model-opensource-trailing-comma.bom.json': 9,
  'hf-sample_invalid_card_data.md': 2,
  'hf-sample_template.md': 2,
};
const MALFORMED_REASONS: Record<string, RegExp> = {
  'cyclonedx-dataset-trailing-comma.bom.json': /invalid JSON/,
  'cyclonedx-model-opensource-trailing-comma.bom.json': /invalid JSON/,
  'hf-sample_invalid_card_data.md': /front matter must be a mapping/,
  'hf-sample_template.md': /unrendered template/,
};

function filesIn(folder: string): string[] {
  return readdirSync(path.join(CORPUS, folder))
    .filter((name) => statSync(path.join(CORPUS, folder, name)).isFile())
    .sort();
}

function load(relative: string) {
  const bytes = readFileSync(path.join(CORPUS, relative));
  return { path: relative, text: bytes.toString('utf8'), sha256: createHash('sha256').update(bytes).digest('hex') };
}

const entries = readdirSync(CORPUS).sort();
const folders = entries.filter((name) => statSync(path.join(CORPUS, name)).isDirectory());
const readable = folders.filter((folder) => folder !== MALFORMED).flatMap((folder) => filesIn(folder).map((file) => ({ folder, file })));
const malformed = folders.includes(MALFORMED) ? filesIn(MALFORMED) : [];

describe('shared corpus of real artefacts', () => {
  it('is found next to the repository and holds both readable and malformed files', () => {
    expect(readable.length).toBeGreaterThan(0);
    expect(malformed.length).toBeGreaterThan(0);
    const strays = entries.filter((name) => !folders.includes(name) && !ROOT_DOCS.has(name));
    expect(strays, 'files at the corpus root belong in a folder named after their kind').toEqual([]);
  });

  it('has concrete expectations only for files that exist', () => {
    const present = new Set(readable.map(({ folder, file }) => `${folder}/${file}`));
    expect(Object.keys(EXPECTED).filter((file) => !present.has(file))).toEqual([]);
    expect(Object.keys(MALFORMED_LINES).filter((file) => !malformed.includes(file))).toEqual([]);
  });

  it.each(readable)('reads $folder/$file', ({ folder, file }) => {
    const expected = FOLDERS[folder];
    const relative = `${folder}/${file}`;
    // A folder added to the corpus later is read without a code change: its name says the kind.
    const kind = expected?.kind ?? kindNamedBy(folder);
    const evidence = readArtefact(load(relative), { kind });
    if (kind) expect(evidence.kind).toBe(kind);
    if (expected) expect(evidence.sources).toEqual([expect.objectContaining({ path: relative, format: expected.format })]);
    for (const location of Object.values(evidence.fieldLocations)) {
      expect(location.path).toBe(relative);
      expect(location.line).toBeGreaterThan(0);
    }
    EXPECTED[relative]?.(evidence);
  });

  it.each(malformed)('refuses malformed/%s with an artefact error naming the file', (file) => {
    const relative = `${MALFORMED}/${file}`;
    let caught: unknown;
    try {
      readArtefact(load(relative));
    } catch (error) {
      caught = error;
    }
    expect(caught, `${relative} was read as a valid artefact`).toBeInstanceOf(ModelgateError);
    const error = caught as ModelgateError;
    expect(error.code).toBe('artefact');
    expect(error.message.startsWith(relative)).toBe(true);
    expect(error.location?.path).toBe(relative);
    const line = MALFORMED_LINES[file];
    if (line !== undefined) {
      expect(error.location?.line).toBe(line);
      expect(error.message).toMatch(new RegExp(`^${relative.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}[:\\s]`));
    }
    const reason = MALFORMED_REASONS[file];
    if (reason) expect(error.reason).toMatch(reason);
    // A clear reason, never a stack trace.
    expect(error.message).not.toMatch(/\n\s+at /);
  });
});
