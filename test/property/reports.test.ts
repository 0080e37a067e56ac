import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeTableCell } from '../../src/report/findings.js';
import { anyCodePoints, anyCodeUnits, yamlish } from './arbitraries.js';

/**
 * Rule messages carry text from artefacts (a dataset name, a feature name) into Markdown
 * tables of the pull-request comment and the check run: whatever the text, it cannot
 * start a new row, open HTML (or an HTML comment such as the sticky comment's marker),
 * or mention a person or team.
 */
describe('report text from artefacts', () => {
  it('escapeTableCell leaves no line break, no HTML and no mention in a table cell', () => {
    const text = fc.oneof(anyCodeUnits, anyCodePoints, yamlish, fc.constantFrom('a|b', '<!-- modelgate:sticky-comment -->', '@org/team', '<img src=x>', 'a\r\nb', 'a\rb'));
    fc.assert(
      fc.property(text, (input) => {
        expect(escapeTableCell(input)).not.toMatch(/[\r\n<>@]/);
      }),
      { numRuns: 300 },
    );
  });

  it('escapeTableCell escapes every pipe of a text without backslashes', () => {
    const text = fc.oneof(anyCodePoints, yamlish).map((value) => value.replace(/\\/g, ''));
    fc.assert(
      fc.property(text, (input) => {
        const cell = escapeTableCell(input);
        expect(cell.split('\\|').join('')).not.toContain('|');
      }),
      { numRuns: 300 },
    );
  });

  it('escapeTableCell leaves no pipe that ends a cell, whatever backslashes the text holds', () => {
    fc.assert(
      fc.property(fc.oneof(anyCodePoints, yamlish), (input) => {
        const cell = escapeTableCell(input);
        // GFM: a pipe is literal only behind an odd run of backslashes.
        for (const match of cell.matchAll(/(\\*)\|/g)) expect(match[1]!.length % 2).toBe(1);
      }),
      { numRuns: 300 },
    );
    expect(escapeTableCell('a \\| b')).toBe('a \\\\\\| b');
  });
});
