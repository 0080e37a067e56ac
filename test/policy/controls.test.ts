import { describe, expect, it } from 'vitest';
import { catalogueEntryOf, controlTitle, FRAMEWORKS } from '../../src/policy/controls.js';

const framework = (prefix: string) => FRAMEWORKS.find((entry) => entry.prefix === prefix)!;
const ids = (prefix: string) => framework(prefix).controls.map((control) => control.id.slice(prefix.length + 1));

describe('control catalogues', () => {
  it('lists the 72 NIST AI RMF 1.0 subcategories, numbered as in NIST AI 100-1 Tables 1 to 4', () => {
    const count = (prefix: string) => ids('NIST-AI-RMF').filter((id) => id.startsWith(`${prefix} `)).length;
    expect([count('GOVERN'), count('MAP'), count('MEASURE'), count('MANAGE')]).toEqual([19, 18, 22, 13]);
    // Subcategories per category, in order: GOVERN 1-6, MAP 1-5, MEASURE 1-4, MANAGE 1-4.
    const perCategory = new Map<string, number>();
    for (const id of ids('NIST-AI-RMF')) {
      const category = id.slice(0, id.lastIndexOf('.'));
      perCategory.set(category, (perCategory.get(category) ?? 0) + 1);
    }
    expect(Object.fromEntries(perCategory)).toEqual({
      'GOVERN 1': 7, 'GOVERN 2': 3, 'GOVERN 3': 2, 'GOVERN 4': 3, 'GOVERN 5': 2, 'GOVERN 6': 2,
      'MAP 1': 6, 'MAP 2': 3, 'MAP 3': 5, 'MAP 4': 2, 'MAP 5': 2,
      'MEASURE 1': 3, 'MEASURE 2': 13, 'MEASURE 3': 3, 'MEASURE 4': 3,
      'MANAGE 1': 4, 'MANAGE 2': 4, 'MANAGE 3': 2, 'MANAGE 4': 3,
    });
    expect(controlTitle('NIST-AI-RMF:MEASURE 2.11')).toBe('Fairness and bias are evaluated and results are documented');
    expect(controlTitle('NIST-AI-RMF:MANAGE 4.1')).toMatch(/change management/);
    // Each subcategory has its own title, not its category's.
    expect(new Set(framework('NIST-AI-RMF').controls.map((control) => control.title)).size).toBe(72);
  });

  it('lists the 38 ISO/IEC 42001:2023 Annex A controls and the EU AI Act articles under their published titles', () => {
    expect(ids('ISO42001')).toHaveLength(38);
    expect(ids('ISO42001').slice(0, 3)).toEqual(['A.2.2', 'A.2.3', 'A.2.4']);
    expect(ids('ISO42001').slice(-3)).toEqual(['A.10.2', 'A.10.3', 'A.10.4']);
    expect(controlTitle('ISO42001:A.7.5')).toBe('Data provenance');
    expect(controlTitle('ISO42001:A.6.2.8')).toBe('AI system recording of event logs');
    expect(ids('EU-AI-Act')).toEqual(['Art.9', 'Art.10', 'Art.11', 'Art.12', 'Art.13', 'Art.14', 'Art.15', 'Art.16', 'Art.17', 'Art.18', 'Art.19', 'Art.43', 'Art.47', 'Art.49', 'Art.72', 'Art.73']);
    expect(controlTitle('EU-AI-Act:Art.12(2)')).toBe('Record-keeping');
    expect(controlTitle('EU-AI-Act:Art.72')).toBe('Post-market monitoring by providers and post-market monitoring plan for high-risk AI systems');
    expect(catalogueEntryOf('EU-AI-Act:Art.1')).toBeUndefined();
  });
});
