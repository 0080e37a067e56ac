import type { z } from 'zod';
import { ModelgateError, type ErrorCode } from '../errors.js';
import type { ParsedDocument } from './parse.js';

/**
 * Validates a parsed document against a zod schema; the first problem becomes an
 * error at the file:line:column of the offending value.
 */
export function validateDocument<T extends z.ZodType>(
  doc: ParsedDocument,
  schema: T,
  what: string,
  code: ErrorCode = 'config',
): z.output<T> {
  const result = schema.safeParse(doc.value);
  if (result.success) return result.data;
  const { issue, pointer: at } = firstIssue(result.error);
  const field = at.length > 0 ? `${at.join('.')}: ` : '';
  throw new ModelgateError(code, `invalid ${what}: ${field}${issue.message}`, doc.locate(at));
}

/**
 * zod reports a value that matches no branch of a union as a bare "Invalid input";
 * the branch that got furthest into the value says what is actually wrong.
 */
function mostSpecific(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return issue;
  const deepest = issue.errors
    .map((branch) => branch[0])
    .filter((candidate): candidate is z.core.$ZodIssue => candidate !== undefined)
    .sort((a, b) => b.path.length - a.path.length)[0];
  return deepest ? mostSpecific({ ...deepest, path: [...issue.path, ...deepest.path] }) : issue;
}

/**
 * The issue to report and the pointer to the offending value. A misspelt key usually causes
 * the other issues (a required field "missing"), so it is reported first; for an unknown key
 * the pointer names the key itself.
 */
export function firstIssue(error: z.ZodError): { issue: z.core.$ZodIssue; pointer: (string | number)[] } {
  const issue = mostSpecific(error.issues.find((candidate) => candidate.code === 'unrecognized_keys') ?? error.issues[0]!);
  const offendingKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  const pointer = [...issue.path, ...(offendingKey === undefined ? [] : [offendingKey])].filter(
    (key): key is string | number => typeof key !== 'symbol',
  );
  return { issue, pointer };
}
