import { describe, expect, it } from 'vitest';
import { sectionsOfHeading } from '../../src/artefacts/formats/huggingface.js';
import { readArtefact } from '../../src/artefacts/read.js';
import type { ModelCard } from '../../src/artefacts/evidence.js';
import { ModelgateError } from '../../src/errors.js';
import { expectModelgateError } from '../helpers.js';

function read(text: string, path = 'README.md') {
  const evidence = readArtefact({ path, text, sha256: 'ab'.repeat(32) }, { kind: 'model_card' });
  expect(evidence.sources[0]?.format).toBe('huggingface-model-card');
  return { card: evidence.data as ModelCard, locations: evidence.fieldLocations };
}

function readError(text: string, path = 'README.md'): ModelgateError {
  return expectModelgateError(() => readArtefact({ path, text, sha256: 'ab'.repeat(32) }, { kind: 'model_card' }));
}

// Shaped like the Hub's card template, partly filled in: line numbers are asserted below.
const CARD = [
  '---', // 1
  'license: apache-2.0', // 2
  'datasets:', // 3
  '- imdb', // 4
  'model-index:', // 5
  '- name: sentiment-tiny', // 6
  '  results:', // 7
  '  - task:', // 8
  '      type: text-classification', // 9
  '    dataset:', // 10
  '      name: IMDb', // 11
  '      type: imdb', // 12
  '      split: test', // 13
  '    metrics:', // 14
  '    - type: accuracy', // 15
  '      value: 0.93', // 16
  '---', // 17
  '', // 18
  '# sentiment-tiny', // 19
  '', // 20
  '## Uses', // 21
  '', // 22
  '<!-- Address questions around how the model is intended to be used. -->', // 23
  '', // 24
  '### Direct Use', // 25
  '', // 26
  'Classifying the sentiment of English movie reviews.', // 27
  '', // 28
  '### Out-of-Scope Use', // 29
  '', // 30
  'Medical or legal text.', // 31
  '', // 32
  '## Bias, Risks, and Limitations', // 33
  '', // 34
  'Trained on reviews only; sarcasm is often misread.', // 35
  '', // 36
  '## Training Details', // 37
  '', // 38
  '### Training Data', // 39
  '', // 40
  '[More Information Needed]', // 41
  '', // 42
  '## Evaluation', // 43
  '', // 44
  '<!-- This section describes the evaluation protocols. -->', // 45
  '', // 46
  '### Results', // 47
  '', // 48
  '[More Information Needed]', // 49
  '', // 50
  '## Ethical considerations', // 51
  '', // 52
  '```jinja', // 53
  '{{ not a template placeholder inside a code block }}', // 54
  '```', // 55
  '', // 56
].join('\n');

describe('Hugging Face model card', () => {
  it('maps front matter and sections, with the line of each key and heading', () => {
    const { card, locations } = read(CARD);
    expect(card).toMatchObject({
      name: 'sentiment-tiny',
      license: 'apache-2.0',
      training_data: ['imdb'],
      evaluation: [{ metric: 'accuracy', value: 0.93, dataset: 'IMDb', split: 'test', location: { path: 'README.md', line: 15 } }],
      // The "Uses" section keeps its "Direct Use" subsection but not "Out-of-Scope Use": that is not an intended use.
      intended_use: '### Direct Use\n\nClassifying the sentiment of English movie reviews.',
      out_of_scope_use: 'Medical or legal text.',
      limitations: 'Trained on reviews only; sarcasm is often misread.',
      risks: 'Trained on reviews only; sarcasm is often misread.',
      ethical_considerations: '```jinja\n{{ not a template placeholder inside a code block }}\n```',
    });
    expect(card.sections).toEqual(['intended_use', 'out_of_scope_use', 'limitations', 'risks', 'ethical_considerations']);
    expect(locations.license?.line).toBe(2);
    expect(locations.training_data?.line).toBe(3);
    expect(locations.evaluation?.line).toBe(5);
    expect(locations.name?.line).toBe(6);
    expect(locations.intended_use?.line).toBe(21);
    expect(locations.out_of_scope_use?.line).toBe(29);
    expect(locations.limitations?.line).toBe(33);
    expect(locations.ethical_considerations?.line).toBe(51);
  });

  it('counts a section holding only the template placeholder, comments or sub-headings as absent', () => {
    const { card } = read(CARD);
    expect(card.sections).not.toContain('training_data');
    expect(card.sections).not.toContain('evaluation');

    const unfilled = read('# m\n\n## Uses\n\n### Direct Use\n\n[More Information Needed]\n\n## Limitations\n\n<!-- fill me -->\n');
    expect(unfilled.card.intended_use).toBeUndefined();
    expect(unfilled.card.limitations).toBeUndefined();
    expect(unfilled.card.sections).toEqual([]);

    const filled = read('## Training data\n\nIMDb train split.\n\n## Evaluation results\n\nSee the model index.\n');
    expect(filled.card.sections).toEqual(['training_data', 'evaluation']);
  });

  it.each([
    ['Uses', ['intended_use']],
    ['Intended use', ['intended_use']],
    ['Intended Uses & Limitations', ['intended_use', 'limitations']],
    ['**Direct Use**', ['intended_use']],
    ['Downstream Use [optional]', ['intended_use']],
    ['3.1 Use cases', ['intended_use']],
    ['Out-of-Scope Use', ['out_of_scope_use']],
    ['Misuse, Malicious Use, and Out-of-Scope Use', ['out_of_scope_use']],
    ['Bias, Risks, and Limitations', ['limitations', 'risks']],
    ['Known limitations', ['limitations']],
    ['Risks', ['limitations', 'risks']],
    ['Ethical Considerations', ['ethical_considerations']],
    ['Ethics', ['ethical_considerations']],
    ['Training Data', ['training_data']],
    ['Training dataset', ['training_data']],
    ['Evaluation', ['evaluation']],
    ['Usage', []],
    ['How to use', []],
    ['Model description', []],
  ])('reads the heading "%s" as %j', (title, expected) => {
    expect([...sectionsOfHeading(title)].sort()).toEqual([...expected].sort());
  });

  it('matches headings of any level, with a closing sequence of #s', () => {
    const { card, locations } = read('###### Limitations ######\n\nSmall.\n\n# Intended use\n\nDemos.\n');
    expect(card).toMatchObject({ limitations: 'Small.', intended_use: 'Demos.' });
    expect(locations.limitations?.line).toBe(1);
    expect(locations.intended_use?.line).toBe(5);
  });

  it('ends a section at the next heading of the same or a higher level', () => {
    const { card } = read('## Limitations\n\nSlow.\n\n### Details\n\nVery slow.\n\n# Other\n\nUnrelated.\n');
    expect(card.limitations).toBe('Slow.\n\n### Details\n\nVery slow.');
  });

  it('ignores headings inside fenced code blocks', () => {
    const { card } = read('## Example\n\n```python\n# Limitations\nprint("x")\n```\n');
    expect(card.limitations).toBeUndefined();
    expect(card.sections).toEqual([]);
  });

  it('reads CRLF files with the same values and lines as LF files', () => {
    const lf = read(CARD);
    const crlf = read(CARD.replace(/\n/g, '\r\n'));
    expect(crlf.card).toEqual(lf.card);
    expect(crlf.locations).toEqual(lf.locations);
    expect(JSON.stringify(crlf.card)).not.toContain('\\r');
  });

  it('reads a card with no front matter from its sections alone', () => {
    const { card, locations } = read('# my-model\n\n## Intended use\n\nInternal triage.\n');
    expect(card).toMatchObject({ intended_use: 'Internal triage.', training_data: [], evaluation: [], sections: ['intended_use'] });
    expect(card.license).toBeUndefined();
    expect(locations.intended_use?.line).toBe(3);
  });

  it('reads empty front matter as no metadata', () => {
    const { card } = read('---\n---\n# m\n');
    expect(card).toMatchObject({ training_data: [], evaluation: [], sections: [] });
    expect(card.license).toBeUndefined();
  });

  it('uses license_name (or license_link) when the license is "other"', () => {
    expect(read('---\nlicense: other\nlicense_name: acme-research\nlicense_link: LICENSE.md\n---\n').card.license).toBe('acme-research');
    expect(read('---\nlicense: other\nlicense_link: https://example.com/l\n---\n').card.license).toBe('https://example.com/l');
    expect(read('---\nlicense: other\n---\n').card.license).toBe('other');
  });

  it('drops a model-index result that names no dataset, as the Hub does', () => {
    const text = [
      '---',
      'model-index:',
      '- name: m',
      '  results:',
      '  - metrics:',
      '    - {type: acc, value: 0.5}',
      '  - dataset: {type: beans}',
      '    metrics:',
      '    - {name: F1, value: "0.7"}',
      '---',
    ].join('\n');
    expect(read(text).card.evaluation).toEqual([{ metric: 'F1', value: 0.7, dataset: 'beans', location: { path: 'README.md', line: 9, column: 7 } }]);
  });

  it('rejects a non-numeric metric value, naming its line', () => {
    const error = readError(CARD.replace('value: 0.93', 'value: high'));
    expect(error.location).toMatchObject({ path: 'README.md', line: 16 });
    expect(error.message).toMatch(/^README\.md:16:\d+: metric "accuracy" has value "high", which is not a finite number/);
    expect(readError(CARD.replace('value: 0.93', 'value: .nan')).location?.line).toBe(16);
    expect(readError(CARD.replace('      value: 0.93\n', '')).message).toMatch(/^README\.md:15:\d+: metric "accuracy" has no value/);
  });

  it('rejects a __proto__ key in the front matter at its line', () => {
    const error = readError('---\nlicense: mit\ntags:\n  __proto__: {polluted: true}\n---\n# m\n');
    expect(error.message).toMatch(/forbidden key "__proto__"/);
    expect(error.location?.line).toBe(4);
  });

  it('reports invalid YAML at the line of the file, not of the front matter', () => {
    const error = readError('\n---\nlicense: mit\nlicense: apache-2.0\n---\n');
    expect(error.message).toMatch(/^README\.md:4:\d+: invalid YAML/);
  });

  it('rejects front matter that is not a mapping, or never closed', () => {
    expect(readError('---\n- a\n- b\n---\n').message).toMatch(/^README\.md:2:\d+: the front matter must be a mapping of metadata, not a list/);
    expect(readError('---\nlicense: mit\n\n# m\n').message).toMatch(/^README\.md:1: the front matter opened here is never closed/);
  });

  it('rejects an unrendered template in the front matter or the text, but not in code', () => {
    expect(readError('---\n{{card_data}}\n---\n').message).toMatch(/^README\.md:2:1: unrendered template/);
    expect(readError('# m\n\nBy {% if author %}{{ author }}{% endif %}.\n').message).toMatch(/^README\.md:3:4: unrendered template/);
    expect(read('# m\n\nThe chat template uses `{{ messages }}`.\n').card.sections).toEqual([]);
  });

  it('is detected by the .md extension only', () => {
    expect(read('# m\n', 'models/x/README.MD').card.sections).toEqual([]);
    expect(readError('# m\n', 'card.txt').message).toMatch(/unknown format/);
  });
});
